<#-- The table the `registry` goal logs: one aligned line per service. The model is built in
     dev.switchboard.core.registry.RegistrySummary, which also computes the column widths. -->
<#list services as s>
${s.name?right_pad(nameWidth)}  ${s.kind?right_pad(4)}  ${s.group?right_pad(groupWidth)}  ${s.methods?c?left_pad(3)} methods  ${s.dependencies}
</#list>
