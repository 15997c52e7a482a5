<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprMethodTemporaryAccessPassTitle")}</span>
    <#elseif section = "form">
        <p id="sspr-instruction">${msg("ssprMethodTemporaryAccessPassInstruction")}</p>
        <form id="sspr-temporary-access-pass-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@field.input name="code" label=msg("ssprTemporaryAccessPass") autocomplete="off" autofocus=true/>
            <@buttons.actionGroup>
                <@buttons.button id="kc-form-buttons" label="doLogIn"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
