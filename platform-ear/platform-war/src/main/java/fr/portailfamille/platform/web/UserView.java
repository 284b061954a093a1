package fr.portailfamille.platform.web;

import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The signed-in user of the current commune, for pages ({@code #{utilisateur.name}}). */
@Named("utilisateur")
@RequestScoped
public class UserView {

    Optional<SignedInUser> user() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser u
                && u.communeSlug().equals(TenantContext.require().slug())) {
            return Optional.of(u);
        }
        return Optional.empty();
    }

    /** The signed-in user of this commune; fails if none (pages under /espace and /agent are protected). */
    public SignedInUser require() {
        return user().orElseThrow(() -> new IllegalStateException("Aucun utilisateur connecté"));
    }

    public boolean isSignedIn() {
        return user().isPresent();
    }

    public String getName() {
        return user().map(SignedInUser::name).orElse("");
    }

    public String getEmail() {
        return user().map(SignedInUser::email).orElse("");
    }

    public boolean isAgent() {
        return user().map(u -> u.hasRole("agent")).orElse(false);
    }
}
