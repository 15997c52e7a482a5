#!/usr/bin/env bash
# Part of demo/run.sh --with-ad: adds a demo user to the running Samba AD and federates the sspr-demo realm with it,
# the way an admin does under User federation > Add LDAP provider (vendor Active Directory, LDAPS, WRITABLE).
#   federate-ad.sh <keycloak home> <server url> <admin user> <admin password>
set -euo pipefail
KC_HOME=$1; SERVER=$2; ADMIN_USER=$3; ADMIN_PASSWORD=$4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC1090
source <(bash "$ROOT/scripts/samba-ad.sh" env)

# OpenLDAP's tools check the certificate against 127.0.0.1 (the machine's host name is not in it).
ldap() { LDAPTLS_CACERT="$SSPR_AD_CA_PEM" "$@" -H ldaps://127.0.0.1:636 -x -D "$SSPR_AD_BIND_DN" -w "$SSPR_AD_BIND_PASSWORD"; }
carol="CN=carol,$SSPR_AD_USERS_DN"
if ! ldap ldapsearch -b "$carol" -s base dn >/dev/null 2>&1; then
  password=$(printf '"Carol-Passw0rd!"' | iconv -f UTF-8 -t UTF-16LE | base64 -w0)
  ldap ldapadd >/dev/null <<LDIF
dn: $carol
objectClass: top
objectClass: person
objectClass: organizationalPerson
objectClass: user
cn: carol
sAMAccountName: carol
userPrincipalName: carol@example.test
givenName: Carol
sn: Directory
mail: carol@example.test
userAccountControl: 544
LDIF
  ldap ldapmodify >/dev/null <<LDIF
dn: $carol
changetype: modify
replace: unicodePwd
unicodePwd:: $password
-
replace: userAccountControl
userAccountControl: 512
LDIF
fi

kcadm() { "$KC_HOME/bin/kcadm.sh" "$@" --config "$KC_HOME/data/kcadm.config"; }
kcadm config credentials --server "$SERVER" --realm master --user "$ADMIN_USER" --password "$ADMIN_PASSWORD" >/dev/null 2>&1 \
  || { echo "demo: cannot sign in to the admin API as $ADMIN_USER" >&2; exit 1; }
if kcadm get components -r sspr-demo -q name=active-directory --fields id | grep -q '"id"'; then
  exit 0
fi
realm_id=$(kcadm get realms/sspr-demo --fields id --format csv --noquotes)
kcadm create components -r sspr-demo -s name=active-directory -s providerId=ldap \
  -s providerType=org.keycloak.storage.UserStorageProvider -s "parentId=$realm_id" \
  -s 'config.enabled=["true"]' -s 'config.vendor=["ad"]' \
  -s "config.connectionUrl=[\"$SSPR_AD_URL\"]" -s 'config.startTls=["false"]' \
  -s 'config.useTruststoreSpi=["always"]' -s 'config.authType=["simple"]' \
  -s "config.bindDn=[\"$SSPR_AD_BIND_DN\"]" -s "config.bindCredential=[\"$SSPR_AD_BIND_PASSWORD\"]" \
  -s 'config.editMode=["WRITABLE"]' -s "config.usersDn=[\"$SSPR_AD_USERS_DN\"]" \
  -s 'config.usernameLDAPAttribute=["sAMAccountName"]' -s 'config.rdnLDAPAttribute=["cn"]' \
  -s 'config.uuidLDAPAttribute=["objectGUID"]' \
  -s 'config.userObjectClasses=["person, organizationalPerson, user"]' \
  -s 'config.customUserSearchFilter=["(!(isCriticalSystemObject=TRUE))"]' \
  -s 'config.searchScope=["1"]' -s 'config.pagination=["true"]' -s 'config.importEnabled=["true"]' \
  -s 'config.syncRegistrations=["true"]' -s 'config.usePasswordModifyExtendedOp=["false"]' \
  -s 'config.validatePasswordPolicy=["false"]' 2>&1 | grep -v '^Created new component' || true
echo "demo: sspr-demo federated with Samba AD ($SSPR_AD_URL)"
