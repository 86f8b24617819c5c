package org.rectifyflow.clue.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Abuse limits of the public reporting endpoints ({@code /api/public/clues/**} and the
 * form posts of {@code /report}): a request size limit and a per-client token bucket
 * (Bucket4j). On PostgreSQL the buckets live in the table {@code clue_rate_limit_bucket}
 * (Bucket4j's PostgreSQL backend, SELECT ... FOR UPDATE), so every node behind the
 * balancer counts the same requests; on the embedded H2 default, which is a single node,
 * they live in memory. The client is {@code request.getRemoteAddr()}, which Tomcat takes
 * from the balancer's {@code X-Forwarded-For} ({@code server.forward-headers-strategy:
 * native}).
 */
@Component
public class PublicRateLimitFilter extends OncePerRequestFilter {

	public static final String TOO_MANY_ZH = "请求过于频繁，请稍后再试";

	private static final Logger log = LoggerFactory.getLogger(PublicRateLimitFilter.class);

	/** Largest accepted request: the attachments plus the form. */
	private final long maxRequestBytes;

	private final BucketConfiguration configuration;

	private final Function<String, Bucket> buckets;

	private final String backend;

	PublicRateLimitFilter(ClueProperties properties, DataSource dataSource) {
		this.maxRequestBytes = properties.publicAttachmentMaxSize().toBytes() * properties.publicMaxAttachments()
				+ 256 * 1024;
		this.configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(properties.publicRateLimit())
				.refillIntervally(properties.publicRateLimit(), properties.publicRateWindow()))
			.build();
		if (isPostgres(dataSource)) {
			ProxyManager<String> proxy = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("clue_rate_limit_bucket")
				.idColumn("id")
				.stateColumn("state")
				.build();
			this.buckets = (key) -> proxy.builder().build(key, () -> this.configuration);
			this.backend = "PostgreSQL";
		}
		else {
			Map<String, Bucket> local = new ConcurrentHashMap<>();
			this.buckets = (key) -> {
				if (local.size() > 100_000) {
					local.clear();
				}
				return local.computeIfAbsent(key,
						(k) -> Bucket.builder()
							.addLimit((limit) -> limit.capacity(properties.publicRateLimit())
								.refillIntervally(properties.publicRateLimit(), properties.publicRateWindow()))
							.build());
			};
			this.backend = "in-memory";
		}
		log.info("Public clue endpoints: {} requests per {} and client, buckets {}", properties.publicRateLimit(),
				properties.publicRateWindow(), this.backend);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot inspect the database", ex);
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/public/clues")) {
			return false;
		}
		return !(path.startsWith("/report") && HttpMethod.POST.matches(request.getMethod()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxRequestBytes) {
			reject(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Content Too Large", "提交的内容过大",
					"request too large");
			return;
		}
		String client = "clue-public:" + request.getRemoteAddr();
		if (!this.buckets.apply(client).tryConsume(1)) {
			log.warn("Rate limit reached for {} on {}", request.getRemoteAddr(), request.getRequestURI());
			response.setHeader("Retry-After", "60");
			reject(response, 429, "Too Many Requests", TOO_MANY_ZH, "too many requests, try again later");
			return;
		}
		chain.doFilter(request, response);
	}

	private static void reject(HttpServletResponse response, int status, String title, String zh, String en)
			throws IOException {
		response.setStatus(status);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + zh
					+ " / " + en + "\",\"messageZh\":\"" + zh + "\",\"messageEn\":\"" + en + "\"}");
	}

	String backend() {
		return this.backend;
	}

}
