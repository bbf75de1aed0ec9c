package dev.luoshi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} role gate before its arguments are read.
 * Method security alone runs after the request body has been parsed and validated, so a
 * caller without the role got a 400 naming the fields of a form they may not submit (and
 * a body that does not parse told them so); now they get the 403 first. The method
 * security still runs after this, so a handler called any other way keeps its gate.
 */
@Configuration(proxyBeanMethods = false)
class RoleGates implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Gate());
	}

	static final class Gate implements HandlerInterceptor {

		private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (handler instanceof HandlerMethod method && !(method.getBean() instanceof String)
					&& gatedOnRolesOnly(method)) {
				AuthorizationResult result = this.manager.authorize(
						() -> SecurityContextHolder.getContext().getAuthentication(),
						new SimpleMethodInvocation(method.getBean(), method.getMethod()));
				if (result != null && !result.isGranted()) {
					throw new AccessDeniedException("Role gate of " + method.getShortLogMessage());
				}
			}
			return true;
		}

		/**
		 * Only a gate that reads no argument can be checked before the arguments exist;
		 * one that does is left to method security alone.
		 */
		private static boolean gatedOnRolesOnly(HandlerMethod method) {
			PreAuthorize gate = method.getMethodAnnotation(PreAuthorize.class);
			if (gate == null) {
				gate = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
			}
			return gate != null && !gate.value().contains("#") && !gate.value().contains("returnObject");
		}

	}

}
