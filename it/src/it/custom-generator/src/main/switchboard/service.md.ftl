# ${service.name}

- kind: ${service.kind}
- accessor: `${className}.${service.accessor}()` returns `${service.type}`
- group: ${service.entry.group!"none"}
- owner: ${service.entry.owner!"nobody"}
- methods: ${service.entry.methods?size}<#if service.entry.methods?has_content>, first ${service.entry.methods[0].name}</#if>
<#if service.entry.rateLimit??>
- rate limit: ${service.entry.rateLimit.requestsPerSecond} requests per second, burst ${service.entry.rateLimit.burst}
</#if>
