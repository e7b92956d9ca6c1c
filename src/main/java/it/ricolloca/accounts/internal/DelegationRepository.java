package it.ricolloca.accounts.internal;

import it.ricolloca.accounts.DelegatedFunction;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DelegationRepository extends JpaRepository<Delegation, Long> {

    @Query("""
            select count(d) from Delegation d where d.delegate.id = :userId and d.function = :function
              and d.revokedAt is null and d.startDate <= :day and (d.endDate is null or d.endDate >= :day)""")
    long countActive(@Param("userId") long userId, @Param("function") DelegatedFunction function,
            @Param("day") LocalDate day);

    @Query("""
            select d from Delegation d where (:centreId is null or d.centreId = :centreId)
              and (:all = true or (d.revokedAt is null and (d.endDate is null or d.endDate >= :day)))
              and (:q = '' or lower(d.delegate.fullName) like concat('%', :q, '%')
                   or lower(d.delegate.username) like concat('%', :q, '%'))
            order by d.startDate desc, d.id desc""")
    Page<Delegation> search(@Param("centreId") Long centreId, @Param("all") boolean all, @Param("day") LocalDate day,
            @Param("q") String query, Pageable pageable);

    /** The active delegations (of one CPI, or all) whose end falls between {@code day} and {@code until}, soonest first. */
    @Query("""
            select d from Delegation d where (:centreId is null or d.centreId = :centreId)
              and d.revokedAt is null and d.endDate between :day and :until
            order by d.endDate, d.id""")
    Page<Delegation> expiring(@Param("centreId") Long centreId, @Param("day") LocalDate day,
            @Param("until") LocalDate until, Pageable pageable);

    List<Delegation> findByDelegateIdOrderByStartDateDesc(long delegateId);

    List<Delegation> findByDelegateIdAndFunction(long delegateId, DelegatedFunction function);
}
