package it.ricolloca.conditionality.internal;

import it.ricolloca.conditionality.Breach;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.conditionality.BreachStatus;
import it.ricolloca.conditionality.Sanction;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BreachRepository extends JpaRepository<Breach, Long> {

    Optional<Breach> findFirstByWorkerIdAndStatusAndSanctionOrderByDecidedOnAscIdAsc(long workerId, BreachStatus status,
            Sanction sanction);

    long countByWorkerIdAndKindInAndStatus(long workerId, Collection<BreachKind> kinds, BreachStatus status);

    @Query("""
            select b from Breach b where b.status <> BreachStatus.REPORTED
            and (:centre is null or b.competentCentreId = :centre) and b.decidedOn between :from and :to
            order by b.decidedOn, b.id""")
    List<Breach> decided(@Param("centre") Long centre, @Param("from") LocalDate from,
            @Param("to") LocalDate to);

    @Query("""
            select b from Breach b where (:centre is null or b.competentCentreId = :centre)
            and (:status is null or b.status = :status)
            order by case when b.status = BreachStatus.REPORTED then 0 else 1 end,
                b.justificationDeadline, b.id""")
    Page<Breach> queue(@Param("centre") Long centre, @Param("status") BreachStatus status, Pageable page);
}
