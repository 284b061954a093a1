<#-- Portail Famille: a new-password field followed by the live checklist of the realm's password rules
     (8 caractères minimum, 1 lettre minuscule, 1 lettre majuscule, 1 chiffre). Same markup as
     field.password of keycloak.v2, plus aria-describedby pointing to the checklist; the checklist is
     updated by resources/js/password-rules.js (loaded by the page), which only informs: Keycloak
     validates on the server.
     Used by register.ftl (password on the form) and login-update-password.ftl: with "verify email" on,
     Keycloak 26 asks the password of a new account there, once the address is confirmed. -->
<#import "field.ftl" as field>

<#-- the rules of the realm's policy that the checklist knows, in display order; the platform's default
     policy when the page gives none -->
<#function activeRules>
    <#local known = [
        {"name": "length", "key": "pfPasswordRuleLength", "default": 8},
        {"name": "lowerCase", "key": "pfPasswordRuleLowerCase", "default": 1},
        {"name": "upperCase", "key": "pfPasswordRuleUpperCase", "default": 1},
        {"name": "digits", "key": "pfPasswordRuleDigits", "default": 1}
    ]>
    <#local rules = []>
    <#list known as rule>
        <#if passwordPolicies??>
            <#if (passwordPolicies[rule.name])?? && (passwordPolicies[rule.name] > 0)>
                <#local rules = rules + [rule + {"min": passwordPolicies[rule.name]}]>
            </#if>
        <#else>
            <#local rules = rules + [rule + {"min": rule.default}]>
        </#if>
    </#list>
    <#return rules>
</#function>

<#macro password name="password" label=msg("password") fieldName=name autocomplete="new-password" autofocus=false error=messagesPerField.get(fieldName)>
  <#local pfRules = activeRules()>
  <@field.group name=name label=label error=error required=true>
    <div class="${properties.kcInputGroup}">
      <div class="${properties.kcInputGroupItemClass} ${properties.kcFill}">
        <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
          <input id="${name}" name="${name}" value="" type="password" autocomplete="${autocomplete}" <#if autofocus>autofocus</#if>
                  aria-invalid="<#if error?has_content>true</#if>"
                  <#if pfRules?has_content>aria-describedby="pf-password-rules-title pf-password-rules<#if error?has_content> input-error-${name}</#if>"<#elseif error?has_content>aria-describedby="input-error-${name}"</#if>/>
          <@field.errorIcon error=error/>
        </span>
      </div>
      <div class="${properties.kcInputGroupItemClass}">
        <button class="${properties.kcFormPasswordVisibilityButtonClass}" type="button" aria-label="${msg('showPassword')}"
                aria-controls="${name}" data-password-toggle
                data-icon-show="${properties.kcFormPasswordVisibilityIconShow}" data-icon-hide="${properties.kcFormPasswordVisibilityIconHide}"
                data-label-show="${msg('showPassword')}" data-label-hide="${msg('hidePassword')}" id="${name}-show-password">
            <i class="${properties.kcFormPasswordVisibilityIconShow}" aria-hidden="true"></i>
        </button>
      </div>
    </div>
    <#if pfRules?has_content>
      <div class="pf-password-rules">
        <p id="pf-password-rules-title" class="pf-password-rules__title">${msg("pfPasswordRulesTitle")}</p>
        <ul id="pf-password-rules" class="pf-password-rules__list" data-for="${name}"
            data-met-text="${msg("pfPasswordRuleMet")}" data-unmet-text="${msg("pfPasswordRuleNotMet")}"
            data-all-met-text="${msg("pfPasswordRulesAllMet")}">
          <#list pfRules as rule>
            <li class="pf-password-rule" data-rule="${rule.name}" data-min="${rule.min?c}" data-state="unmet">
              <span class="pf-password-rule__icon" aria-hidden="true">&#9675;</span>
              <span class="pf-password-rule__text">${msg(rule.key, rule.min?c)}</span>
              <span class="pf-password-rule__state pf-visually-hidden"> (${msg("pfPasswordRuleNotMet")})</span>
            </li>
          </#list>
        </ul>
        <p id="pf-password-rules-status" class="pf-visually-hidden" role="status" aria-live="polite"></p>
      </div>
    </#if>
  </@field.group>
</#macro>
