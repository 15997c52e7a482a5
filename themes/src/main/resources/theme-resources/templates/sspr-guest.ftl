<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=false; section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprGuestTitle")}</span>
    <#elseif section = "form">
        <p id="sspr-instruction">${msg("ssprGuestInstruction", ssprHomeProvider)}</p>
        <@buttons.actionGroup>
            <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
        </@buttons.actionGroup>
    </#if>
</@layout.registrationLayout>
