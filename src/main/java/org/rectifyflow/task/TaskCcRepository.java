package org.rectifyflow.task;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskCcRepository extends JpaRepository<TaskCc, Long> {

	Page<TaskCc> findByToUserOrderByCreatedAtDescIdDesc(String toUser, Pageable pageable);

	Page<TaskCc> findByToUserAndReadAtIsNullOrderByCreatedAtDescIdDesc(String toUser, Pageable pageable);

	Optional<TaskCc> findByIdAndToUser(Long id, String toUser);

	boolean existsByToUserAndProcessInstanceId(String toUser, String processInstanceId);

}
