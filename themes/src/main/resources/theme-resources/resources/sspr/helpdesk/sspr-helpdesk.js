// The help desk's page: signs the agent in through the realm's public client (authorization code with PKCE), then
// drives the help desk's API with the agent's token. Tokens live in this page's memory only; a reload signs in again
// (silently, while the agent's Keycloak session lasts). Nothing a caller receives is ever shown here.

const root = document.getElementById("sspr-helpdesk");
const config = JSON.parse(root.dataset.config);
const PKCE_KEY = "sspr-helpdesk-pkce";
const tokens = { access: null, refresh: null, id: null };
let caller = null;

const $ = (id) => document.getElementById(id);

/** A message of the login theme, with Java's MessageFormat placeholders and doubled apostrophes resolved. */
function t(key, ...args) {
    const text = config.messages[key] ?? config.messages.ssprHelpDeskErrorGeneric ?? key;
    return text.replace(/\{(\d+)\}/g, (_, i) => args[i] ?? "").replace(/''/g, "'");
}

function camel(id) {
    return id.replace(/^sspr-/, "").split(/[-_]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
}

const methodText = (method) => t("ssprHelpDeskMethod" + camel(method.id), method.hint);
const credentialText = (credential) => t("ssprHelpDeskType" + camel(credential.type), credential.hint).trim();

/** What the API's error codes mean to the agent. */
const ERRORS = {
    sspr_user_not_found: "ssprHelpDeskErrorNotFound",
    sspr_name_required: "ssprHelpDeskErrorNameRequired",
    sspr_caller_not_verified: "ssprHelpDeskErrorNotVerified",
    sspr_realm_admin_required: "ssprHelpDeskErrorRealmAdminRequired",
    sspr_helpdesk_ceiling_agent_codes: "ssprHelpDeskErrorCeilingAgentCodes",
    sspr_helpdesk_ceiling_realm_codes: "ssprHelpDeskErrorCeilingRealmCodes",
    sspr_helpdesk_ceiling_agent_passes: "ssprHelpDeskErrorCeilingAgentPasses",
    sspr_helpdesk_ceiling_realm_passes: "ssprHelpDeskErrorCeilingRealmPasses",
    sspr_directory_unavailable: "ssprHelpDeskErrorDirectory",
    sspr_invalid_policy: "ssprHelpDeskErrorPolicy",
    sspr_method_not_found: "ssprHelpDeskErrorMethodGone",
    sspr_own_account: "ssprHelpDeskErrorOwnAccount",
    sspr_guest_account: "ssprHelpDeskErrorGuest",
};

function showError(key, ...args) {
    $("sspr-helpdesk-error").textContent = t(key, ...args);
    $("sspr-helpdesk-alert").hidden = false;
}

function clearMessages() {
    $("sspr-helpdesk-alert").hidden = true;
    $("sspr-helpdesk-error").textContent = "";
    $("sspr-helpdesk-status").textContent = "";
}

function say(text) {
    $("sspr-helpdesk-status").textContent = text;
}

// --- Sign-in: authorization code with PKCE ---------------------------------------------------------------------

function randomText(bytes) {
    return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
    return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function redirectToSignIn() {
    const verifier = randomText(48);
    const state = randomText(24);
    const challenge = base64Url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
    const query = new URLSearchParams({
        client_id: config.clientId, redirect_uri: config.pageUrl, response_type: "code", scope: "openid",
        code_challenge: challenge, code_challenge_method: "S256", state, nonce: randomText(24),
        ui_locales: config.locale,
    });
    location.assign(config.authUrl + "?" + query);
}

async function tokenRequest(form) {
    const response = await fetch(config.tokenUrl, {
        method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ client_id: config.clientId, ...form }), credentials: "omit",
    });
    if (!response.ok) {
        return false;
    }
    const answer = await response.json();
    tokens.access = answer.access_token;
    tokens.refresh = answer.refresh_token ?? null;
    tokens.id = answer.id_token ?? tokens.id;
    return true;
}

/** Finishes a sign-in that came back with a code, or starts one. */
async function signIn() {
    const query = new URLSearchParams(location.search);
    const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? "null");
    sessionStorage.removeItem(PKCE_KEY);
    if ((query.has("code") || query.has("error")) && saved) {
        history.replaceState(null, "", config.pageUrl);
        if (query.get("state") === saved.state && query.has("code") && await tokenRequest({
            grant_type: "authorization_code", code: query.get("code"), redirect_uri: config.pageUrl,
            code_verifier: saved.verifier,
        })) {
            return true;
        }
        say("");
        showError("ssprHelpDeskErrorSignIn");
        return false;
    }
    await redirectToSignIn();
    return false;
}

function agentName() {
    try {
        const claims = JSON.parse(atob(tokens.access.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
        return claims.preferred_username ?? "";
    } catch (e) {
        return "";
    }
}

function signOut() {
    const query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: config.pageUrl });
    if (tokens.id) {
        query.set("id_token_hint", tokens.id);
    }
    tokens.access = tokens.refresh = tokens.id = null;
    location.assign(config.logoutUrl + "?" + query);
}

// --- The API ----------------------------------------------------------------------------------------------------

class ApiError extends Error {
    constructor(key, args = []) {
        super(key);
        this.key = key;
        this.args = args;
    }
}

async function api(method, path, form) {
    const send = () => fetch(config.apiUrl + path, {
        method,
        headers: {
            Authorization: "Bearer " + tokens.access, Accept: "application/json",
            ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        },
        body: form ? new URLSearchParams(form) : undefined,
        credentials: "omit",
    });
    let response = await send();
    if (response.status === 401 && tokens.refresh
        && await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh })) {
        response = await send();
    }
    if (response.status === 401) {
        throw new ApiError("ssprHelpDeskErrorSignIn");
    }
    if (response.status === 403 && !response.headers.get("Content-Type")?.includes("json")) {
        throw new ApiError("ssprHelpDeskErrorForbidden");
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok && !(response.status === 429 && body.state)) {
        throw new ApiError(ERRORS[body.error] ?? (response.status === 403 ? "ssprHelpDeskErrorForbidden"
            : "ssprHelpDeskErrorGeneric"));
    }
    return body;
}

/** Runs an action of the page: its errors are shown, the page stays usable. */
function action(run) {
    return async (event) => {
        event?.preventDefault();
        clearMessages();
        try {
            await run();
        } catch (e) {
            showError(e instanceof ApiError ? e.key : "ssprHelpDeskErrorGeneric", ...(e.args ?? []));
        }
    };
}

// --- The caller -------------------------------------------------------------------------------------------------

function listItem(text) {
    const item = document.createElement("li");
    item.textContent = text;
    return item;
}

function showCard(card) {
    caller = card;
    $("sspr-card-title").textContent = t("ssprHelpDeskAccount", card.username);
    $("sspr-card-administrator").hidden = !card.administrator;
    $("sspr-card-locked").textContent = t(card.locked ? "ssprHelpDeskYes" : "ssprHelpDeskNo");
    $("sspr-card-blocked").textContent = t(card.blockedFromSspr ? "ssprHelpDeskYes" : "ssprHelpDeskNo");
    $("sspr-card-registration").textContent = t(card.registrationRequired ? "ssprHelpDeskYes" : "ssprHelpDeskNo");
    $("sspr-card-eligibility").textContent = card.resetEligibility === "eligible" ? t("ssprHelpDeskEligible")
        : t("ssprHelpDeskNotEligible", t("ssprHelpDeskReason" + camel(card.resetEligibility)));
    const methods = $("sspr-card-methods");
    methods.replaceChildren(...(card.methods.length ? card.methods.map((m) => listItem(methodText(m)))
        : [listItem(t("ssprHelpDeskNoMethods"))]));
    $("sspr-card").hidden = false;
    $("sspr-next-caller").hidden = false;
}

function showVerification(state) {
    const choose = $("sspr-choose-form");
    const code = $("sspr-code-form");
    const result = $("sspr-verify-result");
    choose.hidden = code.hidden = result.hidden = true;
    $("sspr-verify").hidden = false;
    $("sspr-actions").hidden = state.state !== "verified";
    if (state.error) {
        showError(ERRORS[state.error] ?? state.error, ...(state.errorArgs ?? []));
    }
    if (state.state === "choose") {
        const legend = state.of > 1 ? t("ssprHelpDeskChooseMethod") + " (" + t("ssprHelpDeskVerifyStep", state.step, state.of) + ")"
            : t("ssprHelpDeskChooseMethod");
        $("sspr-choose-legend").firstElementChild.textContent = legend;
        const options = state.methods.map((method) => {
            const wrapper = document.createElement("div");
            wrapper.className = "pf-v5-c-radio";
            const input = document.createElement("input");
            input.type = "radio";
            input.className = "pf-v5-c-radio__input";
            input.name = "method";
            input.value = method.id;
            input.id = "sspr-choose-" + method.id;
            input.disabled = Boolean(method.unavailableKey);
            const label = document.createElement("label");
            label.className = "pf-v5-c-radio__label";
            label.htmlFor = input.id;
            label.textContent = methodText(method);
            wrapper.append(input, label);
            if (method.unavailableKey) {
                // The contact bounced for good: the agent sees why, and cannot send to it.
                const why = document.createElement("span");
                why.className = "pf-v5-c-radio__description";
                why.id = input.id + "-unavailable";
                why.textContent = t("ssprMethodUnavailable", t(method.unavailableKey));
                input.setAttribute("aria-describedby", why.id);
                wrapper.append(why);
            }
            return wrapper;
        });
        const firstAvailable = options.map((o) => o.querySelector("input")).find((i) => !i.disabled);
        if (firstAvailable) {
            firstAvailable.checked = true;
        }
        $("sspr-choose-methods").replaceChildren(...options);
        choose.hidden = false;
        choose.querySelector("input[name=method]:not(:disabled)")?.focus();
    } else if (state.state === "answer") {
        $("sspr-code-sent").textContent = state.method === "sspr-totp" ? t("ssprHelpDeskAppCode")
            : t("ssprHelpDeskCodeSent", state.hint);
        $("sspr-code").value = "";
        code.hidden = false;
        $("sspr-code").focus();
    } else {
        result.textContent = t({
            verified: "ssprHelpDeskVerified", blocked: "ssprHelpDeskVerificationBlocked",
        }[state.state] ?? "ssprHelpDeskNothingLeft");
        result.hidden = false;
        if (state.state === "verified") {
            showActions();
        }
        result.focus();
    }
}

function showActions() {
    $("sspr-pass-issued").hidden = true;
    $("sspr-pass").textContent = "";
    const removable = caller.credentials.map((credential) => {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "pf-v5-c-button pf-m-link pf-m-inline pf-m-danger";
        button.id = "sspr-remove-" + credential.id;
        button.textContent = t("ssprHelpDeskRemove", credentialText(credential));
        button.addEventListener("click", action(async () => {
            await api("POST", usersPath("remove-method"), { credentialId: credential.id });
            item.remove();
            say(t("ssprHelpDeskRemoved"));
        }));
        item.append(button);
        return item;
    });
    $("sspr-remove-list").replaceChildren(...removable);
}

const usersPath = (what) => "users/" + encodeURIComponent(caller.id) + "/" + what;

async function verificationStep(form) {
    showVerification(await api("POST", usersPath("verification"), form));
}

function resetCaller() {
    caller = null;
    for (const id of ["sspr-card", "sspr-verify", "sspr-actions", "sspr-next-caller"]) {
        $(id).hidden = true;
    }
    clearMessages();
    $("sspr-find-username").value = "";
    $("sspr-find-username").focus();
}

function wire() {
    $("sspr-find-form").addEventListener("submit", action(async () => {
        const name = $("sspr-find-username").value.trim();
        if (!name) {
            throw new ApiError("ssprHelpDeskErrorNameRequired");
        }
        $("sspr-card").hidden = $("sspr-verify").hidden = $("sspr-actions").hidden = true;
        showCard(await api("GET", "users?username=" + encodeURIComponent(name)));
        const state = await api("GET", usersPath("verification"));
        showVerification(state.state === "verified" ? state : await api("POST", usersPath("verification"),
            { restart: "1" }));
    }));
    $("sspr-choose-form").addEventListener("submit", action(() => verificationStep({
        method: $("sspr-choose-form").querySelector("input[name=method]:checked")?.value ?? "",
    })));
    $("sspr-code-form").addEventListener("submit", action(() => verificationStep({ code: $("sspr-code").value.trim() })));
    $("sspr-restart").addEventListener("click", action(() => verificationStep({ restart: "1" })));
    $("sspr-pass-form").addEventListener("submit", action(async () => {
        const pass = await api("POST", usersPath("temporary-access-pass"), {
            lifetimeMinutes: $("sspr-pass-lifetime").value,
            multiUse: $("sspr-pass-multi-use").checked ? "true" : "false",
        });
        $("sspr-pass").textContent = pass.pass;
        $("sspr-pass-expires").textContent = t("ssprHelpDeskPassExpires",
            new Date(pass.expiresAt).toLocaleString(config.locale));
        $("sspr-pass-issued").hidden = false;
        $("sspr-pass").focus();
    }));
    $("sspr-unlock").addEventListener("click", action(async () => {
        await api("POST", usersPath("unlock"));
        say(t("ssprHelpDeskUnlocked"));
    }));
    $("sspr-require-registration").addEventListener("click", action(async () => {
        await api("POST", usersPath("require-registration"));
        say(t("ssprHelpDeskRegistrationRequired"));
    }));
    $("sspr-next-caller").addEventListener("click", resetCaller);
    $("sspr-sign-out").addEventListener("click", signOut);
}

async function start() {
    if (!await signIn()) {
        return;
    }
    wire();
    $("sspr-helpdesk-agent-name").textContent = t("ssprHelpDeskSignedInAs", agentName());
    $("sspr-helpdesk-agent").hidden = false;
    say("");
    $("sspr-find-form").hidden = false;
    $("sspr-find-username").focus();
}

start().catch(() => showError("ssprHelpDeskErrorGeneric"));
