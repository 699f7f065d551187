# ${service.name}

- kind: ${service.kind}
- accessor: `${className}.${service.accessor}()` returns `${service.type}`
