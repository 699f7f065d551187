<#-- META-INF/services/dev.switchboard.runtime.ServiceClientProvider: one line per provider. -->
<#list providers as s>
${providerPackage}.${s.provider.className}
</#list>
