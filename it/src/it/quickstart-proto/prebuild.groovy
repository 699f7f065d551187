// The project is README.md's quick start (proto), written from the README's blocks (../quickstart.groovy).
evaluate(new File(quickstart)).write(new File(readme), 'proto', basedir)
