// The README's quick start (proto) built and ran, and printed what the README says.
evaluate(new File(quickstart)).check(new File(readme), 'proto', basedir)
