package fr.portailfamille.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import fr.portailfamille.platform.ops.AjaxFailures;
import fr.portailfamille.platform.security.ExpiredPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * A form or a tap sent from a page whose state the server no longer has (the session ended after 30 minutes, or the
 * page was one of more than the six a session keeps) is not an unexpected error: the same page is opened again —
 * AJAX taps included, through Faces' partial redirect — with {@value #PARAMETER} in its address, and the layout tells
 * the user that what was sent was not taken into account (message {@code view.expired}), instead of the 500 page.
 * The page is the one the browser was on (its {@code Referer}, when it is this site's, keeps the child, the month…),
 * else the view's own address ({@link ExpiredPages}; a session that ended is met before Faces, at the sign-in). Any other failure of an AJAX request is logged with its correlation id and answered with
 * a redirect to the error page that shows it ({@code ops.AjaxFailures}): Faces would have written it into its partial
 * response, where no filter logs it and no user reads it.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    /** The query parameter that makes the layout show the notice. */
    public static final String PARAMETER = ExpiredPages.PARAMETER;

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            boolean sent = false;
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                if (context == null || context.getExternalContext().isResponseCommitted()) {
                    continue;
                }
                ExternalContext external = context.getExternalContext();
                Optional<ViewExpiredException> expired = expired(failure);
                String to = null;
                if (expired.isPresent()) {
                    to = again(external, expired.get().getViewId());
                } else if (context.getPartialViewContext().isAjaxRequest()) {
                    // Faces would put it inside the partial response, past every filter, unread: logged with the
                    // request's correlation id, and the browser goes to the error page that shows it
                    to = AjaxFailures.logged(failure, (HttpServletRequest) external.getRequest(),
                            (HttpServletResponse) external.getResponse());
                }
                if (to == null) {
                    continue;
                }
                events.remove();
                if (!sent) {
                    sent = true;
                    try {
                        external.redirect(to);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    context.responseComplete();
                }
            }
            getWrapped().handle();
        }
    }

    static Optional<ViewExpiredException> expired(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ViewExpiredException v) {
                return Optional.of(v);
            }
            if (!(c instanceof FacesException) && !(c instanceof jakarta.el.ELException)) {
                // only what Faces wraps it in
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String again(ExternalContext external, String viewId) {
        return ExpiredPages.again((HttpServletRequest) external.getRequest(),
                external.getRequestContextPath() + (viewId == null ? "/" : viewId));
    }
}
