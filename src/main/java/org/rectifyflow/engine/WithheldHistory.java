package org.rectifyflow.engine;

import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The one way a rule keeps something out of the engine's history: a handler in front of
 * the engine's own that passes every history event on except those the rule withholds.
 * Rules are installed by process engine plugins, each in front of the handler installed
 * before it.
 */
public final class WithheldHistory implements HistoryEventHandler {

	private final HistoryEventHandler delegate;

	private final Predicate<HistoryEvent> withheld;

	private WithheldHistory(HistoryEventHandler delegate, Predicate<HistoryEvent> withheld) {
		this.delegate = delegate;
		this.withheld = withheld;
	}

	/**
	 * Puts a rule in front of the engine's history handler.
	 * @param configuration the configuration of the engine being built (a plugin's
	 * {@code postInit})
	 * @param withheld what never reaches history
	 */
	public static void install(ProcessEngineConfigurationImpl configuration, Predicate<HistoryEvent> withheld) {
		configuration.setHistoryEventHandler(new WithheldHistory(configuration.getHistoryEventHandler(), withheld));
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (!this.withheld.test(event)) {
			this.delegate.handleEvent(event);
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		this.delegate.handleEvents(events.stream().filter(this.withheld.negate()).toList());
	}

}
