// The README's quick start, read from README.md itself so the test builds exactly what a reader copies:
// each fenced block right after a `<!-- quickstart:<project> <path> -->` marker is the file <path> of
// that project; the paths `run` and `output` are the command to run and what it prints.
// prebuild.groovy and verify.groovy of the quickstart-* scenarios load this file (`quickstart` script
// variable, it/pom.xml) and call its closures.

def blocks = { File readme, String project ->
    def found = [:]
    def lines = readme.readLines('UTF-8')
    for (int i = 0; i < lines.size(); i++) {
        def marker = lines[i] =~ /^<!-- quickstart:(\S+) (\S+) -->$/
        if (!marker.matches() || marker.group(1) != project) {
            continue
        }
        String path = marker.group(2)
        int open = i + 1
        assert lines[open].startsWith('```') : "README.md:${open + 1}: the block for ${project} ${path} must follow its marker"
        int close = open + 1
        while (lines[close] != '```') {
            close++
        }
        assert !found.containsKey(path) : "README.md:${i + 1}: a second block for ${project} ${path}"
        found[path] = lines.subList(open + 1, close).join('\n') + '\n'
        i = close
    }
    assert found.containsKey('pom.xml') : "README.md has no quick start pom.xml for ${project}"
    assert found.containsKey('run') && found.containsKey('output') : "README.md lacks the run or output block of ${project}"
    return found
}

// The files of the project, written into its (empty) directory.
def write = { File readme, String project, File basedir ->
    blocks(readme, project).each { path, text ->
        if (path != 'run' && path != 'output') {
            File file = new File(basedir, path)
            file.parentFile.mkdirs()
            file.setText(text, 'UTF-8')
        }
    }
    return true
}

// The command the README runs is the one invoker.properties gives, and the build printed what the README
// says it prints, line for line.
def check = { File readme, String project, File basedir ->
    def found = blocks(readme, project)
    def props = new Properties()
    new File(basedir, 'invoker.properties').withInputStream { props.load(it) }
    assert found.run.trim() == 'mvn ' + props.getProperty('invoker.goals').trim() :
            "README's run block for ${project} (${found.run.trim()}) differs from invoker.goals"
    assert new File(basedir, 'target/switchboard/registry.json').isFile() : 'generate wrote no registry'
    // Maven 4 shows what exec:java's application prints as `[INFO] [stdout] …` lines.
    String log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
            .replaceAll(/(?m)^\[INFO\] \[stdout\] /, '')
    assert log.contains(found.output) : "build.log lacks what README.md says ${project} prints:\n${found.output}"
    return true
}

return [write: write, check: check]
