package io.exportguard.facts;

import java.util.List;

/**
 * The request's region as DescribeRegions sees it.
 *
 * @param knownRegions every region id DescribeRegions listed, so policies can suggest the right one
 */
public record RegionFacts(String id, boolean exists, String localName, String endpoint, String status,
                          List<String> knownRegions) {}
