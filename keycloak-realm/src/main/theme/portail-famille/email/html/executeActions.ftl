<#-- See text/executeActions.ftl: UPDATE_PASSWORD then VERIFY_EMAIL is an agent's invitation, otherwise a family's. -->
<#assign staff = (requiredActions?? && requiredActions?size == 2 && requiredActions[0] == "UPDATE_PASSWORD"
    && requiredActions[1] == "VERIFY_EMAIL")>
<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg(staff?then("staffInvitationBodyHtml", "executeActionsBodyHtml"), link, linkExpiration, realmName, "", linkExpirationFormatter(linkExpiration)))?no_esc}
</@layout.emailLayout>
