// The edges are the ones type inference finds: order -> billing (Invoice), billing -> user (User),
// and order -> user through Invoice's nested field. DOT and Mermaid both carry them with their sources.
import groovy.json.JsonSlurper

String dot = new File(basedir, 'target/graph.dot').text
assert dot.startsWith('digraph services {')
assert dot.contains('"order" -> "billing" [label="type:acme.billing.v1.Invoice"];')
assert dot.contains('"billing" -> "user" [label="type:acme.user.v1.User"];')
assert dot.contains('"order" -> "user" [label="type:acme.user.v1.User"];')
assert !dot.contains('"user" ->')

String mermaid = new File(basedir, 'target/graph.mmd').text
assert mermaid.startsWith('graph LR')
def ids = (mermaid =~ /(n\d+)\["([a-z]+)"\]/).collect { it }.collectEntries { [(it[2]): it[1]] }
assert ids.keySet() == ['billing', 'order', 'user'] as Set
assert mermaid.contains("${ids.order} -->|\"type:acme.billing.v1.Invoice\"| ${ids.billing}")
assert mermaid.contains("${ids.billing} -->|\"type:acme.user.v1.User\"| ${ids.user}")

def json = new JsonSlurper().parse(new File(basedir, 'target/graph.json'))
assert json.nodes == ['billing', 'order', 'user']
assert json.edges.collect { "${it.from}->${it.to}" } as Set == ['order->billing', 'order->user', 'billing->user'] as Set
assert json.cycles == []
true
