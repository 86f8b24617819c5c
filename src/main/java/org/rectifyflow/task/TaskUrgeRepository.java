package org.rectifyflow.task;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskUrgeRepository extends JpaRepository<TaskUrge, Long> {

	boolean existsByTaskIdAndUrgedOn(String taskId, LocalDate urgedOn);

	long countByTaskId(String taskId);

}
