<#-- The group profiles written between the markers in pom.xml. Model: dev.switchboard.core.profiles.ProfilesModel
     plus `base` (the indentation of a <profile> element) and `i` (one indentation step), both read off the pom. -->
${base}<!-- switchboard:profiles:begin: written by `mvn switchboard:profiles` from the AWS SDK ${sdkVersion} catalogue; edits between these markers are replaced -->
<#list profiles as p>
${base}<profile>
${base}${i}<id>${p.id}</id>
${base}${i}<!-- ${p.description} -->
${base}${i}<properties>
<#list p.properties as property>
${base}${i}${i}<${property}>true</${property}>
</#list>
${base}${i}</properties>
<#if p.artifactIds?has_content>
${base}${i}<dependencies>
<#list p.artifactIds as artifactId>
${base}${i}${i}<dependency>
${base}${i}${i}${i}<groupId>software.amazon.awssdk</groupId>
${base}${i}${i}${i}<artifactId>${artifactId}</artifactId>
${base}${i}${i}</dependency>
</#list>
${base}${i}</dependencies>
</#if>
${base}</profile>
</#list>
${base}<!-- switchboard:profiles:end -->
