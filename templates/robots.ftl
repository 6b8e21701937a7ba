User-agent: *
Allow: /
<#if site.url?has_content>Sitemap: ${site.url}/sitemap.xml
</#if>
