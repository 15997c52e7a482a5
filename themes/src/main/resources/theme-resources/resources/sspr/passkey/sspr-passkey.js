// The passkey step of the reset flow (sspr-verify-method.ftl, kind PASSKEY). On a click, asks the browser for a
// WebAuthn assertion with the options the server rendered on the button, then posts it in the hidden fields that
// Keycloak's own webauthn-authenticate.ftl uses: the server verifies it with Keycloak's WebAuthn credential providers.
// A failure (no authenticator, cancelled, timed out) is posted in "error" and counts as a failed attempt.

const button = document.getElementById('sspr-passkey-start');
const form = document.getElementById('sspr-verify-method-form');

function decode(base64url) {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((base64url.length + 3) % 4);
    return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

function encode(buffer) {
    let binary = '';
    for (const byte of new Uint8Array(buffer)) {
        binary += String.fromCharCode(byte);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function field(name, value) {
    form.querySelector('input[name="' + name + '"]').value = value;
}

async function assertion(options) {
    const publicKey = {
        challenge: decode(options.ssprChallenge),
        rpId: options.ssprRpId,
        allowCredentials: options.ssprAllowCredentials.split(' ').filter(id => id)
            .map(id => ({ type: 'public-key', id: decode(id) })),
    };
    if (options.ssprUserVerification && options.ssprUserVerification !== 'not specified') {
        publicKey.userVerification = options.ssprUserVerification;
    }
    const timeout = Number(options.ssprTimeout);
    if (timeout > 0) {
        publicKey.timeout = timeout * 1000;
    }
    return navigator.credentials.get({ publicKey });
}

button.addEventListener('click', async () => {
    button.disabled = true;
    try {
        if (!window.PublicKeyCredential || !navigator.credentials) {
            throw new Error('WebAuthn is not supported by this browser');
        }
        const credential = await assertion(button.dataset);
        field('clientDataJSON', encode(credential.response.clientDataJSON));
        field('authenticatorData', encode(credential.response.authenticatorData));
        field('signature', encode(credential.response.signature));
        field('credentialId', encode(credential.rawId));
        field('userHandle', credential.response.userHandle ? encode(credential.response.userHandle) : '');
    } catch (e) {
        field('error', String((e && e.name) || e) || 'error');
    }
    form.submit();
});
