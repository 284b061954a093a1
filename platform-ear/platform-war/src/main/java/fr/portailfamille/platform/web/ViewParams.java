package fr.portailfamille.platform.web;

import jakarta.faces.context.FacesContext;

/**
 * View parameters ({@code f:viewParam}) are decoded again on every postback, from whatever the browser
 * posts: a page's target (family, child, booking, unit) must be the one it was opened on. Setters of
 * view parameters of view-scoped pages take a value on the page's first request only.
 */
public final class ViewParams {

    private ViewParams() {
    }

    /** Whether this request opens the page (a GET), as opposed to a postback of a form of that page. */
    public static boolean opening() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        return ctx == null || !ctx.isPostback();
    }
}
