package org.truce.incidents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event types and sub-event types of ACLED's codebook (Armed Conflict Location &amp; Event Data
 * Project, Codebook 2023, "Event types and sub-event types"), so that an export reads like ACLED's;
 * and the counted observations of ceasefire monitoring missions (as the OSCE Special Monitoring
 * Mission to Ukraine counted them: explosions, shots and bursts, muzzle flashes, illumination
 * flares, UAV sightings). Immutable.
 */
public final class EventTypes {
    /** ACLED event type → its sub-event types, in codebook order. */
    public static final Map<String, List<String>> ACLED;
    /** What a ceasefire monitoring report counts, each a whole number per incident. */
    public static final List<String> COUNTS = List.of("explosions", "shots_and_bursts", "muzzle_flashes",
            "illumination_flares", "uav_sightings");

    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("Battles", List.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
        m.put("Explosions/Remote violence", List.of("Chemical weapon", "Air/drone strike", "Suicide bomb",
                "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"));
        m.put("Violence against civilians", List.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
        m.put("Protests", List.of("Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
        m.put("Riots", List.of("Violent demonstration", "Mob violence"));
        m.put("Strategic developments", List.of("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"));
        ACLED = java.util.Collections.unmodifiableMap(m);
    }

    private EventTypes() {}

    public static boolean isEventType(String type) {
        return ACLED.containsKey(type);
    }

    public static boolean belongs(String type, String subType) {
        return ACLED.getOrDefault(type, List.of()).contains(subType);
    }

    /** A message-key form of a sub-event type: "Shelling/artillery/missile attack" → shelling_artillery_missile_attack. */
    public static String code(String subType) {
        return subType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
