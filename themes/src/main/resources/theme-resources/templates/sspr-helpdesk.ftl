<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <span id="sspr-page-title">${msg("ssprHelpDeskTitle")}</span>
    <#elseif section = "form">
        <link rel="stylesheet" href="${url.resourcesPath}/sspr/helpdesk/sspr-helpdesk.css"/>
        <div id="sspr-helpdesk" data-config="${ssprHelpDeskConfig}">
            <p id="sspr-helpdesk-intro">${msg("ssprHelpDeskIntro")}</p>
            <div id="sspr-helpdesk-agent" class="pf-v5-u-mb-md" hidden>
                <span id="sspr-helpdesk-agent-name"></span>
                <button type="button" id="sspr-sign-out" class="pf-v5-c-button pf-m-link pf-m-inline">${msg("ssprHelpDeskSignOut")}</button>
            </div>
            <p id="sspr-helpdesk-status" role="status" aria-live="polite">${msg("ssprHelpDeskSigningIn")}</p>
            <div id="sspr-helpdesk-alert" class="pf-v5-c-alert pf-m-danger pf-m-inline pf-v5-u-mb-md" hidden>
                <p class="pf-v5-c-alert__title" id="sspr-helpdesk-error" role="alert"></p>
            </div>

            <form id="sspr-find-form" class="${properties.kcFormClass!}" hidden novalidate>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="sspr-find-username" class="pf-v5-c-form__label">
                        <span class="pf-v5-c-form__label-text">${msg("ssprHelpDeskFindLabel")}</span>
                    </label>
                    <span class="${properties.kcInputClass!}">
                        <input id="sspr-find-username" name="username" type="text" autocomplete="off" spellcheck="false" required/>
                    </span>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <button type="submit" id="sspr-find" class="pf-v5-c-button pf-m-primary">${msg("ssprHelpDeskFind")}</button>
                </div>
            </form>

            <section id="sspr-card" class="pf-v5-u-mt-lg" aria-labelledby="sspr-card-title" hidden>
                <h2 id="sspr-card-title" class="pf-v5-c-title pf-m-lg" tabindex="-1"></h2>
                <p id="sspr-card-administrator" hidden><strong>${msg("ssprHelpDeskAdministrator")}</strong></p>
                <dl id="sspr-card-facts" class="pf-v5-c-description-list pf-m-horizontal pf-v5-u-mt-sm">
                    <div class="pf-v5-c-description-list__group">
                        <dt class="pf-v5-c-description-list__term">${msg("ssprHelpDeskLocked")}</dt>
                        <dd class="pf-v5-c-description-list__description" id="sspr-card-locked"></dd>
                    </div>
                    <div class="pf-v5-c-description-list__group">
                        <dt class="pf-v5-c-description-list__term">${msg("ssprHelpDeskBlocked")}</dt>
                        <dd class="pf-v5-c-description-list__description" id="sspr-card-blocked"></dd>
                    </div>
                    <div class="pf-v5-c-description-list__group">
                        <dt class="pf-v5-c-description-list__term">${msg("ssprHelpDeskNeedsRegistration")}</dt>
                        <dd class="pf-v5-c-description-list__description" id="sspr-card-registration"></dd>
                    </div>
                    <div class="pf-v5-c-description-list__group">
                        <dt class="pf-v5-c-description-list__term">${msg("ssprHelpDeskEligibility")}</dt>
                        <dd class="pf-v5-c-description-list__description" id="sspr-card-eligibility"></dd>
                    </div>
                </dl>
                <h3 class="pf-v5-c-title pf-m-md pf-v5-u-mt-md">${msg("ssprHelpDeskMethods")}</h3>
                <ul id="sspr-card-methods" class="pf-v5-c-list"></ul>
            </section>

            <section id="sspr-verify" class="pf-v5-u-mt-lg" aria-labelledby="sspr-verify-title" hidden>
                <h2 id="sspr-verify-title" class="pf-v5-c-title pf-m-lg">${msg("ssprHelpDeskVerifyTitle")}</h2>
                <form id="sspr-choose-form" class="${properties.kcFormClass!}" hidden novalidate>
                    <fieldset class="pf-v5-c-form__fieldset">
                        <legend id="sspr-choose-legend" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${msg("ssprHelpDeskChooseMethod")}</span></legend>
                        <div id="sspr-choose-methods"></div>
                    </fieldset>
                    <div class="${properties.kcFormGroupClass!}">
                        <button type="submit" id="sspr-send" class="pf-v5-c-button pf-m-primary">${msg("ssprHelpDeskSend")}</button>
                    </div>
                </form>
                <form id="sspr-code-form" class="${properties.kcFormClass!}" hidden novalidate>
                    <p id="sspr-code-sent"></p>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="sspr-code" class="pf-v5-c-form__label">
                            <span class="pf-v5-c-form__label-text">${msg("ssprHelpDeskCodeLabel")}</span>
                        </label>
                        <span class="${properties.kcInputClass!}">
                            <input id="sspr-code" name="code" type="text" inputmode="numeric" autocomplete="off" required/>
                        </span>
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <button type="submit" id="sspr-check" class="pf-v5-c-button pf-m-primary">${msg("ssprHelpDeskCheckCode")}</button>
                        <button type="button" id="sspr-restart" class="pf-v5-c-button pf-m-secondary">${msg("ssprHelpDeskOtherMethod")}</button>
                    </div>
                </form>
                <p id="sspr-verify-result" tabindex="-1" hidden></p>
            </section>

            <section id="sspr-actions" class="pf-v5-u-mt-lg" aria-labelledby="sspr-actions-title" hidden>
                <h2 id="sspr-actions-title" class="pf-v5-c-title pf-m-lg">${msg("ssprHelpDeskActionsTitle")}</h2>
                <form id="sspr-pass-form" class="${properties.kcFormClass!}" novalidate>
                    <h3 class="pf-v5-c-title pf-m-md">${msg("ssprHelpDeskPassTitle")}</h3>
                    <div class="${properties.kcFormGroupClass!}">
                        <label for="sspr-pass-lifetime" class="pf-v5-c-form__label">
                            <span class="pf-v5-c-form__label-text">${msg("ssprHelpDeskPassLifetime")}</span>
                        </label>
                        <span class="pf-v5-c-form-control">
                            <select id="sspr-pass-lifetime" name="lifetimeMinutes">
                                <option value="10">${msg("ssprHelpDeskMinutes", "10")}</option>
                                <option value="30">${msg("ssprHelpDeskMinutes", "30")}</option>
                                <option value="60" selected>${msg("ssprHelpDeskOneHour")}</option>
                                <option value="120">${msg("ssprHelpDeskHours", "2")}</option>
                                <option value="240">${msg("ssprHelpDeskHours", "4")}</option>
                                <option value="480">${msg("ssprHelpDeskHours", "8")}</option>
                            </select>
                        </span>
                    </div>
                    <div class="pf-v5-c-check">
                        <input class="pf-v5-c-check__input" type="checkbox" id="sspr-pass-multi-use" name="multiUse" value="true"/>
                        <label class="pf-v5-c-check__label" for="sspr-pass-multi-use">${msg("ssprHelpDeskMultiUse")}</label>
                    </div>
                    <div class="${properties.kcFormGroupClass!}">
                        <button type="submit" id="sspr-issue-pass" class="pf-v5-c-button pf-m-primary">${msg("ssprHelpDeskIssuePass")}</button>
                    </div>
                    <div id="sspr-pass-issued" class="pf-v5-c-alert pf-m-info pf-m-inline" hidden>
                        <p class="pf-v5-c-alert__title">${msg("ssprHelpDeskPassShownOnce")}</p>
                        <div class="pf-v5-c-alert__description">
                            <p><code id="sspr-pass" tabindex="-1"></code></p>
                            <p id="sspr-pass-expires"></p>
                        </div>
                    </div>
                </form>
                <div class="pf-v5-u-mt-md">
                    <button type="button" id="sspr-unlock" class="pf-v5-c-button pf-m-secondary">${msg("ssprHelpDeskUnlock")}</button>
                    <button type="button" id="sspr-require-registration" class="pf-v5-c-button pf-m-secondary">${msg("ssprHelpDeskRequireRegistration")}</button>
                </div>
                <h3 class="pf-v5-c-title pf-m-md pf-v5-u-mt-md">${msg("ssprHelpDeskRemoveTitle")}</h3>
                <ul id="sspr-remove-list" class="pf-v5-c-list"></ul>
            </section>

            <div class="pf-v5-u-mt-lg">
                <button type="button" id="sspr-next-caller" class="pf-v5-c-button pf-m-link" hidden>${msg("ssprHelpDeskNextCaller")}</button>
            </div>
        </div>
        <script type="module" src="${url.resourcesPath}/sspr/helpdesk/sspr-helpdesk.js"></script>
    </#if>
</@layout.registrationLayout>
