"""dhcpm: the MS-DHCPM client records and the calls that carry them, exact in every layout.

Decode, encode, validate, dissect and generate DHCPV4_FAILOVER_CLIENT_INFO, DHCP_CLIENT_INFO ... _PB, _EX,
their arrays, DHCP_SEARCH_INFO, DHCP_PROPERTY and the stub data of the twenty-two dhcpsrv/dhcpsrv2 calls,
in NDR 2.0 (little- and big-endian), NDR64, MS-RPCE type serialization and Windows x64/x86 memory images.
docs/python.md is the guide; every class and function has its docstring.

    import dhcpm
    value = dhcpm.decode(data, type="DHCP_CLIENT_INFO_PB_ARRAY", layout="ndr20")
    for client in value.Clients:
        print(client.ClientIpAddress, client.ClientName)
"""

import datetime as _datetime

from ._dhcpm import *  # noqa: F401,F403  (the classes and functions of the compiled module)
from ._dhcpm import __version__  # noqa: F401

# DHCP_DATE_TIME_INFINIT: a lease that never expires ([MS-DHCPM] 2.2.1.2.11).
FILETIME_INFINITE = 0x7FFFFFFFFFFFFFFF

_FILETIME_EPOCH = _datetime.datetime(1601, 1, 1, tzinfo=_datetime.timezone.utc)


def filetime_to_datetime(filetime):
    """A DATE_TIME (100-nanosecond ticks since 1601-01-01 UTC) as an aware UTC datetime.

    Returns None for FILETIME_INFINITE and for times past datetime's year 9999; the tick count
    itself (the field's int) is always exact.
    """
    if filetime == FILETIME_INFINITE:
        return None
    try:
        return _FILETIME_EPOCH + _datetime.timedelta(microseconds=filetime // 10)
    except OverflowError:
        return None


def datetime_to_filetime(when):
    """A datetime (naive means UTC) as a DATE_TIME tick count."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=_datetime.timezone.utc)
    delta = when - _FILETIME_EPOCH
    return (delta.days * 86400 + delta.seconds) * 10_000_000 + delta.microseconds * 10
