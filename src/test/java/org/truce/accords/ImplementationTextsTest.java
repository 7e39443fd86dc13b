package org.truce.accords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.bulletin.Messages;

/** The Russian implementation texts: natural case agreement and the four ICU plural forms of Russian. */
class ImplementationTextsTest {
    private final Messages ru = Messages.of("ru").orElseThrow();

    private Map<String, Object> args(long days) {
        Map<String, Object> a = new HashMap<>();
        a.put("what", "Перечень мероприятий");
        a.put("whatLang", "");
        a.put("point", "4");
        a.put("agreementDate", "11 января 2021 г.");
        a.put("due", "1 марта 2021 г.");
        a.put("days", days);
        return a;
    }

    @Test
    void days_past_a_deadline_take_the_russian_plural_forms_one_few_many() {
        assertThat(ru.format("implementation.overdue_unassessed", args(1))).contains("истёк за 1 день до даты сводки");
        assertThat(ru.format("implementation.overdue_unassessed", args(3))).contains("истёк за 3 дня до даты сводки");
        assertThat(ru.format("implementation.overdue_unassessed", args(5))).contains("истёк за 5 дней до даты сводки");
        assertThat(ru.format("implementation.overdue_unassessed", args(21))).contains("истёк за 21 день до даты сводки");
    }

    @Test
    void an_assessment_reads_by_the_assessors_name_as_of_the_date_with_the_status_spelled_out() {
        Map<String, Object> a = args(2);
        a.put("assessor", "Правительство Армении");
        a.put("assessor_gen", "правительства Армении");
        a.put("status", "2");
        a.put("date", "2 марта 2021 г.");
        a.put("illustrative", "false");
        assertThat(ru.format("implementation.changed", a)).isEqualTo("По оценке правительства Армении, на"
                + " 2 марта 2021 г. статус обязательства «Перечень мероприятий» (пункт 4 заявления от 11 января 2021 г.) — 2"
                + " (промежуточное выполнение).");
    }

    @Test
    void the_responsible_bodies_are_introduced_in_the_singular_or_the_plural() {
        Map<String, Object> a = args(0);
        a.put("who", "Правительство Армении");
        a.put("whoCount", 1);
        a.put("amended", "false");
        assertThat(ru.format("implementation.deadline", a)).isEqualTo("Не позднее 1 марта 2021 г. должно быть выполнено обязательство"
                + " «Перечень мероприятий» (пункт 4 заявления от 11 января 2021 г.; исполнитель: Правительство Армении).");
        a.put("who", "Правительство Армении; Правительство Азербайджана");
        a.put("whoCount", 2);
        assertThat(ru.format("implementation.deadline", a)).contains("исполнители: Правительство Армении; Правительство Азербайджана");
    }
}
