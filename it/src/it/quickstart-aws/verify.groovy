// The README's quick start (aws) built and ran, and printed what the README says.
evaluate(new File(quickstart)).check(new File(readme), 'aws', basedir)
