<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#macro questionText id><#if id?starts_with("custom:")>${id?remove_beginning("custom:")}<#else>${msg(id)}</#if></#macro>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('code','phone','email','question-1','question-2','question-3','question-4','question-5','answer-1','answer-2','answer-3','answer-4','answer-5'); section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprRegisterTitle")}</span>
    <#elseif section = "form">
        <#-- Two forms: Enter in a field must never press a "Remove" button. -->
        <form id="sspr-methods-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p id="sspr-register-status">${msg("ssprRegisterStatus", ssprRegistered, ssprRequired)}</p>
            <ul id="sspr-methods" class="${properties.kcFormGroupClass!}">
                <#list ssprPhones as phone>
                    <li id="sspr-phone-${phone?counter}"><span class="sspr-method-label">${msg("ssprRegisterFactorPhone")}: ${phone.masked}</span><#if phone.unreachable?has_content>
                        <span class="${properties.kcInputErrorMessageClass!}" id="sspr-phone-${phone?counter}-unreachable">${msg("ssprUnreachable", msg(phone.unreachable))}</span></#if>
                        <@buttons.button name="removeCredential" id="sspr-remove-phone-${phone?counter}" type="link" fullWidth=false label="ssprRegisterRemove" value=phone.id/></li>
                </#list>
                <#list ssprEmails as email>
                    <li id="sspr-email-${email?counter}"><span class="sspr-method-label">${msg("ssprRegisterFactorEmail")}: ${email.masked}</span><#if email.unreachable?has_content>
                        <span class="${properties.kcInputErrorMessageClass!}" id="sspr-email-${email?counter}-unreachable">${msg("ssprUnreachable", msg(email.unreachable))}</span></#if>
                        <@buttons.button name="removeCredential" id="sspr-remove-email-${email?counter}" type="link" fullWidth=false label="ssprRegisterRemove" value=email.id/></li>
                </#list>
                <#if ssprQuestionsCredential?has_content>
                    <li id="sspr-questions"><span class="sspr-method-label">${msg("ssprRegisterFactorQuestions")}</span>
                        <@buttons.button name="removeCredential" id="sspr-remove-questions" type="link" fullWidth=false label="ssprRegisterRemove" value=ssprQuestionsCredential/></li>
                </#if>
                <#list ssprKeycloakMethods as method>
                    <li id="sspr-keycloak-${method?counter}"><span class="sspr-method-label">${msg(method.name)}<#if method.label?has_content>: ${method.label}</#if></span>
                        <@buttons.button name="removeCredential" id="sspr-remove-keycloak-${method?counter}" type="link" fullWidth=false label="ssprRegisterRemove" value=method.id/></li>
                </#list>
                <#list ssprOtherMethods as other>
                    <li id="sspr-other-${other?counter}">${msg(other)}</li>
                </#list>
                <#if !ssprPhones?has_content && !ssprEmails?has_content && !ssprOtherMethods?has_content && !ssprKeycloakMethods?has_content && !ssprQuestionsCredential?has_content>
                    <li id="sspr-no-methods">${msg("ssprRegisterNoMethods")}</li>
                </#if>
            </ul>
        </form>
        <form id="sspr-register-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if ssprPending?has_content>
                <p id="sspr-pending">${msg((ssprPending == "sms")?then("ssprRegisterSmsSent", "ssprRegisterEmailSent"), ssprPendingHint)}</p>
                <@field.input name="code" label=msg("ssprVerifyCode") autocomplete="one-time-code" autofocus=true/>
                <script type="module" src="${url.resourcesPath}/sspr/webotp/sspr-webotp.js"></script>
                <@buttons.actionGroup>
                    <@buttons.button name="action" id="sspr-verify" label="ssprRegisterVerify" value="verify"/>
                    <@buttons.button name="action" id="sspr-cancel" type="secondary" label="ssprRegisterCancel" value="cancel"/>
                </@buttons.actionGroup>
            <#elseif ssprView == "questions">
                <p id="sspr-questions-instruction">${msg("ssprRegisterQuestionsInstruction", ssprQuestionRows?size)}</p>
                <#list ssprQuestionRows as selected>
                    <#assign row = selected?counter>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="question-${row}" class="${properties.kcLabelClass!}">${msg("ssprRegisterQuestionLabel", row)}</label>
                        <select id="question-${row}" name="question-${row}" class="${properties.kcInputClass!}">
                            <#list ssprQuestionPool as question>
                                <option value="${question}"<#if question == selected> selected</#if>><@questionText question/></option>
                            </#list>
                        </select>
                        <#if messagesPerField.existsError('question-${row}')>
                            <span id="input-error-question-${row}" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('question-${row}'))?no_esc}</span>
                        </#if>
                    </div>
                    <@field.input name="answer-${row}" label=msg("ssprRegisterAnswerLabel", row) autocomplete="off"/>
                </#list>
                <@buttons.actionGroup>
                    <@buttons.button name="action" id="sspr-save-questions" label="ssprRegisterSaveQuestions" value="save-questions"/>
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
                <#if ssprQuestionsAvailable>
                    <@buttons.button name="action" id="sspr-setup-questions" type="secondary" label=ssprQuestionsCredential?has_content?then("ssprRegisterChangeQuestions", "ssprRegisterSetUpQuestions") value="setup-questions"/>
                </#if>
                <#if ssprTotpAvailable>
                    <@buttons.button name="action" id="sspr-setup-totp" type="secondary" label="ssprRegisterSetUpTotp" value="setup-totp"/>
                </#if>
                <#if ssprPasskeyAvailable>
                    <@buttons.button name="action" id="sspr-setup-passkey" type="secondary" label="ssprRegisterSetUpPasskey" value="setup-passkey"/>
                </#if>
                <@buttons.actionGroup>
                    <@buttons.button name="action" id="sspr-confirm" label="ssprRegisterLooksGood" value="confirm"/>
                    <#if ssprMaySkip>
                        <@buttons.button name="action" id="sspr-skip" type="secondary" label="ssprRegisterSkip" value="skip"/>
                    </#if>
                    <#if isAppInitiatedAction??>
                        <@buttons.button name="cancel-aia" id="sspr-cancel-aia" type="secondary" label="doCancel" value="true"/>
                    </#if>
                </@buttons.actionGroup>
            </#if>
        </form>
    <#elseif section = "info">
        <span id="sspr-register-info">${msg("ssprRegisterInfo")}</span>
    </#if>
</@layout.registrationLayout>
