<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "sspr-captcha.ftl" as ssprCaptcha>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('username'); section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprChooseAccountTitle")}</span>
    <#elseif section = "form">
        <form id="sspr-choose-account-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#assign label>
                <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
            </#assign>
            <@field.input name="username" label=label value=auth.attemptedUsername!'' autofocus=true autocomplete="username"/>
            <#if ssprCaptchaChallenge??>
                <@ssprCaptcha.captcha challengeJson=ssprCaptchaChallenge/>
            </#if>
            <@buttons.actionGroup>
                <@buttons.button id="kc-form-buttons" label="doSubmit"/>
                <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("ssprChooseAccountInfo")}</span>
    </#if>
</@layout.registrationLayout>
