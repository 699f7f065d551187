<#-- The summary the `registry` goal logs: one aligned line per service. The model is
     dev.switchboard.maven.registry.RegistrySummary; widths are computed there. -->
<#list services as s>
${s.name?right_pad(nameWidth)}  ${s.kind?right_pad(4)}  ${s.group?right_pad(groupWidth)}  ${s.methods?left_pad(3)} methods  ${s.dependencies}
</#list>
