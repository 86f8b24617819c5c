package org.rectifyflow.campaign.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectifyflow.campaign.CampaignService;
import org.rectifyflow.kernel.Refusal;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every address that names a campaign ({@code /api/campaigns/{id}/…},
 * {@code /items/campaigns/{id}/…}) answers 404 with the Chinese message when the campaign
 * does not exist, whichever feature serves it (the ledger, the letters, the exports): one
 * check in front of the handler, so that no list of a campaign answers an empty page for
 * a campaign that is not there. The refusal is answered as the handler answers its own
 * (an item page or problem+json). An id that is not a number is left to the handler's
 * binding.
 */
@Component
class CampaignAddresses implements HandlerInterceptor, WebMvcConfigurer {

	private static final String[] PREFIXES = { "/api/campaigns/", "/items/campaigns/" };

	private final CampaignService campaigns;

	CampaignAddresses(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			.addPathPatterns("/api/campaigns/*", "/api/campaigns/*/**", "/items/campaigns/*", "/items/campaigns/*/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Long id = campaignId(request.getRequestURI().substring(request.getContextPath().length()));
		if (id != null && this.campaigns.find(id).isEmpty()) {
			throw Refusal.notFound("专项整治不存在", "campaign " + id + " does not exist");
		}
		return true;
	}

	/**
	 * @param path the request path
	 * @return the campaign id it names, or {@code null} if the segment is not a number
	 */
	static Long campaignId(String path) {
		for (String prefix : PREFIXES) {
			if (path.startsWith(prefix)) {
				String rest = path.substring(prefix.length());
				int slash = rest.indexOf('/');
				String segment = (slash < 0) ? rest : rest.substring(0, slash);
				try {
					return Long.valueOf(segment);
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
		}
		return null;
	}

}
