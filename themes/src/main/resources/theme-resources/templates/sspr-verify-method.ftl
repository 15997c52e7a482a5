<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        <span id="sspr-page-title">${msg(ssprMethodTitle, (ssprInstructionArgs[0])!"")}</span>
    <#elseif section = "form">
        <#if ssprAccountName??>
            <#-- The name as typed, for a real account and a stand-in alike; Keycloak's own block needs a flow user. -->
            <div id="sspr-account" class="${properties.kcFormGroupClass!}">
                <span id="kc-attempted-username">${ssprAccountName}</span>
                <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a>
            </div>
        </#if>
        <p id="sspr-step" class="${properties.kcLoginMainFooterHelperText!}">${msg("ssprStep", ssprStep, ssprRequired)}</p>
        <p id="sspr-instruction">${msg(ssprInstruction, (ssprInstructionArgs[0])!"")}</p>
        <form id="sspr-verify-method-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if ssprKind == "QUESTIONS">
                <#list ssprQuestions as question>
                    <@field.input name="answer-${question?counter}" label=question?starts_with("custom:")?then(question?remove_beginning("custom:"), msg(question)) fieldName="code"
                        error=(question?is_first)?then(messagesPerField.get('code'), '') autofocus=question?is_first/>
                </#list>
            <#elseif ssprKind == "PASSKEY">
                <#-- The fields (and names) Keycloak's webauthn-authenticate.ftl posts; sspr-passkey.js fills them. -->
                <input type="hidden" id="clientDataJSON" name="clientDataJSON"/>
                <input type="hidden" id="authenticatorData" name="authenticatorData"/>
                <input type="hidden" id="signature" name="signature"/>
                <input type="hidden" id="credentialId" name="credentialId"/>
                <input type="hidden" id="userHandle" name="userHandle"/>
                <input type="hidden" id="error" name="error"/>
                <#if messagesPerField.existsError('code')>
                    <div class="${properties.kcFormHelperTextClass!}" aria-live="polite">
                        <div class="${properties.kcInputHelperTextClass!}">
                            <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-code">
                                <span class="${properties.kcInputErrorMessageClass!}">${messagesPerField.get('code')}</span>
                            </div>
                        </div>
                    </div>
                </#if>
            <#else>
                <@field.input name="code" label=msg("ssprVerifyCode") autocomplete="one-time-code" autofocus=true/>
                <script type="module" src="${url.resourcesPath}/sspr/webotp/sspr-webotp.js"></script>
            </#if>
            <@buttons.actionGroup>
                <#if ssprKind == "PASSKEY">
                    <#-- Not a submit button: the script submits the form once the browser has answered. -->
                    <button type="button" id="sspr-passkey-start" autofocus
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                            data-sspr-challenge="${ssprPasskeyChallenge}" data-sspr-rp-id="${ssprPasskeyRpId}"
                            data-sspr-allow-credentials="${ssprPasskeyAllowCredentials}"
                            data-sspr-user-verification="${ssprPasskeyUserVerification}"
                            data-sspr-timeout="${ssprPasskeyTimeout?c}">${msg("ssprPasskeyStart")}</button>
                <#else>
                    <@buttons.button id="kc-form-buttons" label="ssprVerifySubmit"/>
                </#if>
                <@buttons.button name="back" id="sspr-back" type="secondary" label="ssprVerifyOtherMethod"/>
            </@buttons.actionGroup>
        </form>
        <#if ssprKind == "PASSKEY">
            <script type="module" src="${url.resourcesPath}/sspr/passkey/sspr-passkey.js"></script>
        </#if>
    </#if>
</@layout.registrationLayout>
