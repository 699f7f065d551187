<#-- META-INF/services/dev.switchboard.runtime.ServiceClientProvider: one line per provider. -->
<#list services as s>
${providerPackage}.${s.providerClass}
</#list>
