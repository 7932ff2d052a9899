package com.blogplatform.blog.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds a {@link PageQuery} as two {@code @RequestParam int} would bind: {@code page} first, then
 * {@code limit}, each missing one a {@link MissingServletRequestParameterException}, each that is no
 * integer a {@link MethodArgumentTypeMismatchException}. Then {@code @Valid} checks the bounds as
 * for a {@code @ModelAttribute}: here, or, where Spring validates the method's parameters anyway,
 * together with the others.
 */
final class PageQueryResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PageQuery.class;
	}

	@Override
	public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) throws Exception {
		Assert.state(binders != null, "PageQuery needs a WebDataBinderFactory");
		PageQuery query = new PageQuery(number("page", parameter, request, binders), number("limit", parameter, request, binders));
		WebDataBinder binder = binders.createBinder(request, query, "pageQuery", ResolvableType.forMethodParameter(parameter));
		for (var annotation : parameter.getParameterAnnotations()) {
			Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
			if (hints != null) {
				binder.validate(hints);
				break;
			}
		}
		if (binder.getBindingResult().hasErrors()) {
			throw new MethodArgumentNotValidException(parameter, binder.getBindingResult());
		}
		return query;
	}

	private static int number(String name, MethodParameter parameter, NativeWebRequest request, WebDataBinderFactory binders)
			throws Exception {
		String[] values = request.getParameterValues(name);
		if (values == null) {
			throw new MissingServletRequestParameterException(name, "int");
		}
		Object value = values.length == 1 ? values[0] : values;
		Integer number;
		try {
			number = binders.createBinder(request, null, name).convertIfNecessary(value, int.class);
		}
		catch (TypeMismatchException ex) {
			throw new MethodArgumentTypeMismatchException(value, ex.getRequiredType(), name, parameter, ex.getCause());
		}
		if (number == null) {
			throw new MissingServletRequestParameterException(name, parameter, true);
		}
		return number;
	}
}
