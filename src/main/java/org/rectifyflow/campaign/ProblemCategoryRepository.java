package org.rectifyflow.campaign;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProblemCategoryRepository extends JpaRepository<ProblemCategory, Long> {

	List<ProblemCategory> findByActiveTrueOrderBySortOrderAsc();

	Optional<ProblemCategory> findByCode(String code);

	List<ProblemCategory> findAllByOrderBySortOrderAsc();

	Optional<ProblemCategory> findByClueCategoryAndActiveTrue(String clueCategory);

}
