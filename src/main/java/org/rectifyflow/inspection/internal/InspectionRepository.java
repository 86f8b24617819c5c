package org.rectifyflow.inspection.internal;

import java.util.List;
import java.util.Optional;

import org.rectifyflow.inspection.Inspection;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InspectionRepository extends JpaRepository<Inspection, Long> {

	Optional<Inspection> findByCode(String code);

	Optional<Inspection> findByProcessInstanceId(String processInstanceId);

	List<Inspection> findAllByOrderByIdDesc();

	List<Inspection> findByStatusNotOrderByIdAsc(Inspection.Status status);

	@Query("select max(i.code) from Inspection i where i.code like :prefix%")
	String maxCodeWithPrefix(String prefix);

}
