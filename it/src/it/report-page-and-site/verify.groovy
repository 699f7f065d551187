// switchboard:report wrote one page that holds everything it shows, with the health report's statuses
// and every value from the protos escaped; mvn site framed the same report in a "Service registry" page.
File page = new File(basedir, 'target/switchboard/report/index.html')
assert page.isFile() : "no $page"
String html = page.getText('UTF-8')
String log = new File(basedir, 'build.log').getText('UTF-8')

String wrote = 'switchboard: wrote target/switchboard/report/index.html (4 services, 3 dependencies, 0 cycles)'
assert log.contains(wrote) : "build.log lacks: $wrote"

['billing', 'cart', 'order', 'user'].each { name ->
    assert html.contains("id=\"part-service-$name\"") : "no part for $name"
}
// Self-contained: nothing to load from the network when the page is viewed, and a policy forbidding it.
def loads = html =~ /(?i)(\bsrc\s*=|\bhref\s*=|url\()\s*["']?\s*(https?:)?\/\//
assert !loads.find() : "the page would load ${loads.group()}"
assert html.contains("Content-Security-Policy\" content=\"default-src 'none';")
assert html.contains('Cytoscape Consortium') : 'the graph library is not inlined'
// The proto comment's markup is text.
assert html.contains('Carts &amp; checkout. &lt;script&gt;window.pwned = 1&lt;/script&gt;&lt;img src=x')
assert !html.contains('<script>window.pwned') && !html.contains('<img src=x')
// Health from health.json.
assert html.contains('<span class="health serving">serving</span>')
assert html.contains('<span class="health unreachable">unreachable</span>')
assert html.contains('connection refused')

File site = new File(basedir, 'target/site/service-registry.html')
assert site.isFile() : "mvn site wrote no $site"
String sitePage = site.getText('UTF-8')
assert sitePage.contains('Service registry')
assert sitePage.contains('<iframe src="service-registry/index.html"')
assert sitePage.contains('4 services, 3 dependencies, 0 cycles')
File framed = new File(basedir, 'target/site/service-registry/index.html')
assert framed.isFile() : "no $framed"
assert framed.getText('UTF-8').contains('id="part-service-cart"')
true
