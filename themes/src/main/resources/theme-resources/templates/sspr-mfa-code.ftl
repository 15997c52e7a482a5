<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Second-factor code page of sspr-sms-otp / sspr-email-otp. The layout adds "Try another way" when the flow has
     alternatives (auth.showTryAnotherWayLink()), as for Keycloak's login-otp.ftl. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        <span id="sspr-page-title">${msg(ssprMfaTitle)}</span>
    <#elseif section = "form">
        <p id="sspr-instruction">${msg(ssprMfaInstruction, ssprMfaHint)}</p>
        <form id="sspr-mfa-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if ssprMfaResend>
                <@buttons.actionGroup>
                    <@buttons.button name="resend" id="sspr-mfa-resend" label="ssprMfaSendNewCode"/>
                </@buttons.actionGroup>
            <#else>
                <@field.input name="code" label=msg("ssprVerifyCode") autocomplete="one-time-code" autofocus=true/>
                <script type="module" src="${url.resourcesPath}/sspr/webotp/sspr-webotp.js"></script>
                <@buttons.actionGroup>
                    <@buttons.button id="kc-login" name="login" label="doLogIn"/>
                </@buttons.actionGroup>
            </#if>
        </form>
    </#if>
</@layout.registrationLayout>
