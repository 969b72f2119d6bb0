package com.complaintdesk.kit.web;

import com.complaintdesk.contracts.http.IdentityHeaders;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the identity headers the gateway set. Services are reachable only behind the gateway. */
public class CallerIdentityResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CallerIdentity.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return fromHeaders(request.getHeader(IdentityHeaders.USER_ID), request.getHeader(IdentityHeaders.ROLES),
                request.getHeader(IdentityHeaders.DEPARTMENT), request.getHeader(IdentityHeaders.CHANNEL_CLIENT));
    }

    public static CallerIdentity fromHeaders(String userId, String roles, String department, String channel) {
        Set<String> roleSet = roles == null ? Set.of() : Arrays.stream(roles.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new CallerIdentity(blankToNull(userId), roleSet, blankToNull(department), blankToNull(channel));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
