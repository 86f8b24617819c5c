package org.rectifyflow.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

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
