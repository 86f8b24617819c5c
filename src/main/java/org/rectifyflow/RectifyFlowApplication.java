package org.rectifyflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * rectify-flow: the campaign against formalism and bureaucratism as executable BPMN on
 * Camunda 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RectifyFlowApplication {

	public static void main(String[] args) {
		SpringApplication.run(RectifyFlowApplication.class, args);
	}

}
