package org.rectifyflow.dashboard.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.rectifyflow.clue.Channel;
import org.rectifyflow.clue.ClueClosed;
import org.rectifyflow.clue.ClueReceived;
import org.rectifyflow.rectification.LedgerEntryClosed;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Supervision figures for Prometheus: {@code rectify_items_open} and
 * {@code rectify_items_overdue} (gauges by kind, one per {@link ItemSource}),
 * {@code rectify_clues_received_total} (by channel) and {@code rectify_time_to_close}
 * (timer by kind: clue, ledger). Counted when the change commits. Escalations are counted
 * by the deadline module.
 */
@Component
class SupervisionMetrics implements MeterBinder {

	/** How long the gauges reuse one computation of the counts. */
	static final Duration CACHE = Duration.ofSeconds(30);

	private final SupervisionFigures figures;

	private MeterRegistry registry;

	private volatile Map<String, long[]> counts = Map.of();

	private volatile long countedAt;

	private final Map<String, Counter> received = new ConcurrentHashMap<>();

	SupervisionMetrics(SupervisionFigures figures) {
		this.figures = figures;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (String kind : this.figures.kinds()) {
			Gauge.builder("rectify.items.open", () -> count(kind, 0))
				.description("Open items with a deadline")
				.tag("kind", kind)
				.register(registry);
			Gauge.builder("rectify.items.overdue", () -> count(kind, 1))
				.description("Open items past their deadline")
				.tag("kind", kind)
				.register(registry);
		}
		for (Channel channel : Channel.values()) {
			counter(channel);
		}
	}

	private long count(String kind, int index) {
		long now = System.nanoTime();
		if (this.counts.isEmpty() || now - this.countedAt > CACHE.toNanos()) {
			this.counts = this.figures.openAndOverdueByKind();
			this.countedAt = now;
		}
		long[] values = this.counts.get(kind);
		return (values != null) ? values[index] : 0;
	}

	/** Makes the gauges count again at their next reading. */
	void refresh() {
		this.counts = Map.of();
	}

	private Counter counter(Channel channel) {
		return this.received.computeIfAbsent(channel.name(),
				(name) -> Counter.builder("rectify.clues.received")
					.description("Clues received, by channel")
					.tag("channel", name)
					.register(this.registry));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onClueReceived(ClueReceived event) {
		if (this.registry != null) {
			counter(event.channel()).increment();
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onClueClosed(ClueClosed event) {
		record("clue", Duration.between(event.receivedAt(), event.closedAt()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void onLedgerEntryClosed(LedgerEntryClosed event) {
		record("ledger", Duration.between(event.openedAt(), event.closedAt()));
	}

	private void record(String kind, Duration duration) {
		if (this.registry == null || duration.isNegative()) {
			return;
		}
		Timer.builder("rectify.time.to.close")
			.description("Time from receipt or opening to closure")
			.tag("kind", kind)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofHours(1))
			.maximumExpectedValue(Duration.ofDays(365))
			.register(this.registry)
			.record(duration);
	}

}
