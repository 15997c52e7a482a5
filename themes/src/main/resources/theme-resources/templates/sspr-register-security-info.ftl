<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code','phone','email'); section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprRegisterTitle")}</span>
    <#elseif section = "form">
        <#-- Two forms: Enter in a field must never press a "Remove" button. -->
        <form id="sspr-methods-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="sspr-register-status">${msg("ssprRegisterStatus", ssprRegistered, ssprRequired)}</p>
            <ul id="sspr-methods" class="${properties.kcFormGroupClass!}">
                <#list ssprPhones as phone>
                    <li id="sspr-phone-${phone?counter}"><span class="sspr-method-label">${msg("ssprRegisterFactorPhone")}: ${phone.masked}</span>
                        <@buttons.button name="removeCredential" id="sspr-remove-phone-${phone?counter}" type="link" fullWidth=false label="ssprRegisterRemove" value=phone.id/></li>
                </#list>
                <#list ssprEmails as email>
                    <li id="sspr-email-${email?counter}"><span class="sspr-method-label">${msg("ssprRegisterFactorEmail")}: ${email.masked}</span>
                        <@buttons.button name="removeCredential" id="sspr-remove-email-${email?counter}" type="link" fullWidth=false label="ssprRegisterRemove" value=email.id/></li>
                </#list>
                <#list ssprOtherMethods as other>
                    <li id="sspr-other-${other?counter}">${msg(other)}</li>
                </#list>
                <#if !ssprPhones?has_content && !ssprEmails?has_content && !ssprOtherMethods?has_content>
                    <li id="sspr-no-methods">${msg("ssprRegisterNoMethods")}</li>
                </#if>
            </ul>
        </form>
        <form id="sspr-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if ssprPending?has_content>
                <p id="sspr-pending">${msg((ssprPending == "sms")?then("ssprRegisterSmsSent", "ssprRegisterEmailSent"), ssprPendingHint)}</p>
                <@field.input name="code" label=msg("ssprVerifyCode") autocomplete="one-time-code" autofocus=true/>
                <@buttons.actionGroup>
                    <@buttons.button name="action" id="sspr-verify" label="ssprRegisterVerify" value="verify"/>
                    <@buttons.button name="action" id="sspr-cancel" type="secondary" label="ssprRegisterCancel" value="cancel"/>
                </@buttons.actionGroup>
            <#else>
                <#if ssprPhoneAvailable>
                    <@field.input name="phone" label=msg("ssprRegisterPhoneLabel") autocomplete="tel"/>
                    <p class="${properties.kcLoginMainFooterHelperText!}">${msg("ssprRegisterPhoneHelp")}</p>
                    <@buttons.button name="action" id="sspr-add-phone" type="secondary" label="ssprRegisterAddPhone" value="add-phone"/>
                </#if>
                <#if ssprEmailAvailable>
                    <@field.input name="email" label=msg("ssprRegisterEmailLabel") autocomplete="email"/>
                    <@buttons.button name="action" id="sspr-add-email" type="secondary" label="ssprRegisterAddEmail" value="add-email"/>
                </#if>
                <#if ssprTotpAvailable>
                    <@buttons.button name="action" id="sspr-setup-totp" type="secondary" label="ssprRegisterSetUpTotp" value="setup-totp"/>
                </#if>
                <@buttons.actionGroup>
                    <@buttons.button name="action" id="sspr-confirm" label="ssprRegisterLooksGood" value="confirm"/>
                </@buttons.actionGroup>
            </#if>
        </form>
    <#elseif section = "info">
        <span id="sspr-register-info">${msg("ssprRegisterInfo")}</span>
    </#if>
</@layout.registrationLayout>
