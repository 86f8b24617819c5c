package org.rectifyflow.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import org.rectifyflow.security.internal.SecurityConfig;

/**
 * The single login page, and the start page after login (Tasklist, where handlers work).
 */
@Controller
class LoginController {

	@GetMapping(SecurityConfig.LOGIN_PAGE)
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home() {
		return "redirect:/camunda/app/tasklist/default/";
	}

}
