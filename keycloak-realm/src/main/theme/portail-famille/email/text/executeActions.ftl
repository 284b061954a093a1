<#ftl output_format="plainText">
<#-- Two invitations share Keycloak's execute-actions mail: an agent invited by the commune's administrator
     (platform staff.StaffAccounts asks exactly UPDATE_PASSWORD then VERIFY_EMAIL) and a family created at the counter (security.KeycloakAccounts
     asks VERIFY_EMAIL first). The actions and their order choose the text. -->
<#assign staff = (requiredActions?? && requiredActions?size == 2 && requiredActions[0] == "UPDATE_PASSWORD"
    && requiredActions[1] == "VERIFY_EMAIL")>
${msg(staff?then("staffInvitationBody", "executeActionsBody"), link, linkExpiration, realmName, "", linkExpirationFormatter(linkExpiration))}
