package org.rectifyflow.campaign.internal;

import java.util.List;
import java.util.Optional;

import org.rectifyflow.campaign.ProblemCategory;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProblemCategoryRepository extends JpaRepository<ProblemCategory, Long> {

	List<ProblemCategory> findByActiveTrueOrderBySortOrderAsc();

	Optional<ProblemCategory> findByCode(String code);

	List<ProblemCategory> findAllByOrderBySortOrderAsc();

	Optional<ProblemCategory> findByClueCategoryAndActiveTrue(String clueCategory);

}
