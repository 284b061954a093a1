package fr.portailfamille.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The one tenant guard of the services: a call with no commune bound fails with
 * {@link IllegalStateException} before the transaction interceptor (priority 200 after
 * {@code PLATFORM_BEFORE}) opens a transaction or takes a connection.
 */
@CommuneRequired
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class CommuneRequiredInterceptor {

    @AroundInvoke
    public Object requireCommune(InvocationContext ctx) throws Exception {
        if (ctx.getMethod() == null || !ctx.getMethod().isAnnotationPresent(WithoutCommune.class)) {
            TenantContext.require();
        }
        return ctx.proceed();
    }
}
