<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "password-validation.ftl" as validator>
<#-- The reset's last page: Keycloak's login-update-password.ftl (keycloak.v2), titled for a reset the user chose
     rather than a change they are forced into, and signing out other devices unless the user unticks it. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprNewPasswordTitle")}</span>
    <#elseif section = "form">
        <p id="sspr-new-password-for">${msg("ssprNewPasswordFor", ssprAccountName!"")}</p>
        <form id="kc-passwd-update-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />

            <div class="${properties.kcFormGroupClass!}">
                <div id="kc-form-options" class="${properties.kcFormOptionsClass!}">
                    <div class="${properties.kcFormOptionsWrapperClass!}">
                        <@field.checkbox name="logout-sessions" label=msg("logoutOtherSessions") value=true />
                    </div>
                </div>
            </div>

            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="kc-submit" name="login" label="doSubmit"/>
            </@buttons.actionGroup>
        </form>

        <@validator.templates/>
        <@validator.script field="password-new"/>
    </#if>
</@layout.registrationLayout>
