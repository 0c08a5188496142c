<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>devices.errors</name>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The DLMS meter refused the connection. Check the client address and the reading settings for this meter model.</source>
            <translation>The DLMS meter refused the connection. Check the client address and the reading settings for this meter model.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The connection dropped in the middle of the reading. Hold the probe steady and read again.</source>
            <translation>The connection dropped in the middle of the reading. Hold the probe steady and read again.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The data arrived damaged (checksum failed) after several retries. Hold the probe steady and read again.</source>
            <translation>The data arrived damaged (checksum failed) after several retries. Hold the probe steady and read again.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter asks for a password. Enter it in the meter profile.</source>
            <translation>The meter asks for a password. Enter it in the meter profile.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter does not answer. Check the probe is seated on the optical port.</source>
            <translation>The meter does not answer. Check the probe is seated on the optical port.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter refused this operation (write access). Check the write password for this meter model.</source>
            <translation>The meter refused this operation (write access). Check the write password for this meter model.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter rejected the password. Check the password.</source>
            <translation>The meter rejected the password. Check the password.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter sent an unexpected reply. Check the meter type and the reading profile.</source>
            <translation>The meter sent an unexpected reply. Check the meter type and the reading profile.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter's data could not be parsed.</source>
            <translation>The meter's data could not be parsed.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter's identification message could not be understood.</source>
            <translation>The meter's identification message could not be understood.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The probe's port could not be opened. Check the probe is plugged into the computer.</source>
            <translation>The probe's port could not be opened. Check the probe is plugged into the computer.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The raw capture file is not valid.</source>
            <translation>The raw capture file is not valid.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The reading was cancelled.</source>
            <translation>The reading was cancelled.</translation>
        </message>
    </context>
    <context>
        <name>devices.meter_log</name>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Alarm register cleared</source>
            <translation>Alarm register cleared</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Association authentication failure</source>
            <translation>Association authentication failure</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Battery voltage low</source>
            <translation>Battery voltage low</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Clock adjusted (new time)</source>
            <translation>Clock adjusted (new time)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Clock adjusted (old time)</source>
            <translation>Clock adjusted (old time)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Clock invalid</source>
            <translation>Clock invalid</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Daylight saving time changed</source>
            <translation>Daylight saving time changed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Decryption or authentication failure</source>
            <translation>Decryption or authentication failure</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Error register cleared</source>
            <translation>Error register cleared</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Event code {code}</source>
            <translation>Event code {code}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Firmware activated</source>
            <translation>Firmware activated</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Firmware ready for activation</source>
            <translation>Firmware ready for activation</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Measurement system error</source>
            <translation>Measurement system error</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Meter cover closed</source>
            <translation>Meter cover closed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Meter cover removed</source>
            <translation>Meter cover removed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Non-volatile memory error</source>
            <translation>Non-volatile memory error</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Power down</source>
            <translation>Power down</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Power up</source>
            <translation>Power up</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Program memory error</source>
            <translation>Program memory error</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>RAM error</source>
            <translation>RAM error</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Replace battery</source>
            <translation>Replace battery</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Replay attack</source>
            <translation>Replay attack</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Reverse current</source>
            <translation>Reverse current</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Reverse current ended</source>
            <translation>Reverse current ended</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Strong magnetic field detected</source>
            <translation>Strong magnetic field detected</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Strong magnetic field gone</source>
            <translation>Strong magnetic field gone</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Terminal cover closed</source>
            <translation>Terminal cover closed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Terminal cover removed</source>
            <translation>Terminal cover removed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Time-of-use table activated</source>
            <translation>Time-of-use table activated</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Watchdog error</source>
            <translation>Watchdog error</translation>
        </message>
    </context>
    <context>
        <name>documents.contract</name>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source> (provisional, to be replaced by the real code)</source>
            <translation> (provisional, to be replaced by the real code)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>(signature, full name)</source>
            <translation>(signature, full name)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Awaiting confirmation by the code sent to {phone}</source>
            <translation>Awaiting confirmation by the code sent to {phone}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Citizen ID number</source>
            <translation>Citizen ID number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Company</source>
            <translation>Company</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Confirmed by one-time code (OTP)</source>
            <translation>Confirmed by one-time code (OTP)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Customer code</source>
            <translation>Customer code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Customer-care hotline</source>
            <translation>Customer-care hotline</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>FOR THE BUYER</source>
            <translation>FOR THE BUYER</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>FOR THE SELLER</source>
            <translation>FOR THE SELLER</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Household</source>
            <translation>Household</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Households sharing the meter</source>
            <translation>Households sharing the meter</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Managing unit</source>
            <translation>Managing unit</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>On {day}, at {place}, the parties:</source>
            <translation>On {day}, at {place}, the parties:</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>On {day}, the parties:</source>
            <translation>On {day}, the parties:</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Party A confirms electronically on approval</source>
            <translation>Party A confirms electronically on approval</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Phone (for the OTP)</source>
            <translation>Phone (for the OTP)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Signature: the typed name</source>
            <translation>Signature: the typed name</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Signed on screen</source>
            <translation>Signed on screen</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Staff member</source>
            <translation>Staff member</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Supply address</source>
            <translation>Supply address</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>THE BUYER (party B)</source>
            <translation>THE BUYER (party B)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>THE SELLER (party A)</source>
            <translation>THE SELLER (party A)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Terms</source>
            <translation>Terms</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>The parties agree to this contract on the following terms:</source>
            <translation>The parties agree to this contract on the following terms:</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Use</source>
            <translation>Use</translation>
        </message>
    </context>
    <context>
        <name>documents.household_sheet</name>
        <message>
            <location filename="../../fieldkit/documents/household_sheet.py" />
            <source>{amount:,} VND</source>
            <translation>{amount:,} VND</translation>
        </message>
    </context>
    <context>
        <name>documents.install_record</name>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>(signature, full name)</source>
            <translation>(signature, full name)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Customer code</source>
            <translation>Customer code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Customer representative</source>
            <translation>Customer representative</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Form</source>
            <translation>Form</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>GPS receiver</source>
            <translation>GPS receiver</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Installer</source>
            <translation>Installer</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>METER INSTALL / REMOVAL RECORD</source>
            <translation>METER INSTALL / REMOVAL RECORD</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Metering point</source>
            <translation>Metering point</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Optical probe</source>
            <translation>Optical probe</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Page</source>
            <translation>Page</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Reading</source>
            <translation>Reading</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Record number</source>
            <translation>Record number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Register</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Typed</source>
            <translation>Typed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Work order</source>
            <translation>Work order</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Work-order code</source>
            <translation>Work-order code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>on {dd}/{mm}/{yyyy}</source>
            <translation>on {dd}/{mm}/{yyyy}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>photo(s)</source>
            <translation>photo(s)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>typed</source>
            <translation>typed</translation>
        </message>
    </context>
    <context>
        <name>documents.layout</name>
        <message>
            <location filename="../../fieldkit/documents/layout.py" />
            <source>Independence – Freedom – Happiness</source>
            <translation>Independence – Freedom – Happiness</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/layout.py" />
            <source>Page</source>
            <translation>Page</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/layout.py" />
            <source>SOCIALIST REPUBLIC OF VIETNAM</source>
            <translation>SOCIALIST REPUBLIC OF VIETNAM</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/layout.py" />
            <source>{dd}/{mm}/{yyyy}</source>
            <translation>{dd}/{mm}/{yyyy}</translation>
        </message>
    </context>
    <context>
        <name>documents.supply_request</name>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>(household use)</source>
            <translation>(household use)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>(signature, full name)</source>
            <translation>(signature, full name)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>APPLICANT</source>
            <translation>APPLICANT</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Applicant</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Authorisation of the households sharing the meter</source>
            <translation>Authorisation of the households sharing the meter</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Citizen ID number</source>
            <translation>Citizen ID number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Contact address</source>
            <translation>Contact address</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Customer code</source>
            <translation>Customer code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Household</source>
            <translation>Household</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Households sharing the meter</source>
            <translation>Households sharing the meter</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>I confirm the above is true and will follow the rules on the use of electricity.</source>
            <translation>I confirm the above is true and will follow the rules on the use of electricity.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Papers handed in</source>
            <translation>Papers handed in</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Pole, cable or CT needed</source>
            <translation>Pole, cable or CT needed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Proof of the right to use the address</source>
            <translation>Proof of the right to use the address</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Provisional request code</source>
            <translation>Provisional request code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>RECEIVED BY</source>
            <translation>RECEIVED BY</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>REQUEST FOR ELECTRICITY SUPPLY</source>
            <translation>REQUEST FOR ELECTRICITY SUPPLY</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Request no.</source>
            <translation>Request no.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Signed on screen</source>
            <translation>Signed on screen</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Supply address</source>
            <translation>Supply address</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>The applicant's citizen ID</source>
            <translation>The applicant's citizen ID</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Time to connect</source>
            <translation>Time to connect</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Use</source>
            <translation>Use</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Work order</source>
            <translation>Work order</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>asks to buy electricity as follows:</source>
            <translation>asks to buy electricity as follows:</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>not needed (one household)</source>
            <translation>not needed (one household)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>{n} working days</source>
            <translation>{n} working days</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>{n} working days (by {day})</source>
            <translation>{n} working days (by {day})</translation>
        </message>
    </context>
    <context>
        <name>documents.vietqr</name>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>account number</source>
            <translation>account number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>amount must be a positive whole number of VND: {amount}</source>
            <translation>amount must be a positive whole number of VND: {amount}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>amount must be a whole number of VND, got {name}</source>
            <translation>amount must be a whole number of VND, got {name}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>amount too large (at most {MAX_AMOUNT_DIGITS} digits): {text}</source>
            <translation>amount too large (at most {MAX_AMOUNT_DIGITS} digits): {text}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>bank BIN must be exactly 6 digits: {bank_bin}</source>
            <translation>bank BIN must be exactly 6 digits: {bank_bin}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>card number</source>
            <translation>card number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>transfer purpose has unsupported characters: {join}</source>
            <translation>transfer purpose has unsupported characters: {join}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>transfer purpose is at most {MAX_PURPOSE} characters (got {n_folded}): {folded}</source>
            <translation>transfer purpose is at most {MAX_PURPOSE} characters (got {n_folded}): {folded}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>{what} must be 1-19 letters or digits, no spaces: {account}</source>
            <translation>{what} must be 1-19 letters or digits, no spaces: {account}</translation>
        </message>
    </context>
    <context>
        <name>domain.anomalies</name>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>No consumption since the previous reading ({now} kWh) although the household lives there. Ask the customer and check the meter runs (its LED blinks under load).</source>
            <translation>No consumption since the previous reading ({now} kWh) although the household lives there. Ask the customer and check the meter runs (its LED blinks under load).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The meter clock is {amount} ahead of the laptop clock (limit {limit} minutes). Report it so the meter clock is set; a wrong clock puts energy into the wrong time-of-use register.</source>
            <translation>The meter clock is {amount} ahead of the laptop clock (limit {limit} minutes). Report it so the meter clock is set; a wrong clock puts energy into the wrong time-of-use register.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The meter clock is {amount} behind the laptop clock (limit {limit} minutes). Report it so the meter clock is set; a wrong clock puts energy into the wrong time-of-use register.</source>
            <translation>The meter clock is {amount} behind the laptop clock (limit {limit} minutes). Report it so the meter clock is set; a wrong clock puts energy into the wrong time-of-use register.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The meter reports an error (error register F.F = {code}). Note the code and report the meter for a check.</source>
            <translation>The meter reports an error (error register F.F = {code}). Note the code and report the meter for a check.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The meter says its serial is {read}, but the work order names meter {expected}. Check this is the customer's meter before saving.</source>
            <translation>The meter says its serial is {read}, but the work order names meter {expected}. Check this is the customer's meter before saving.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The new index ({now} kWh) is lower than the previous reading ({last} kWh): consumption is negative ({used} kWh). Read again to be sure; if it is right, the meter may have been replaced, rolled over or tampered with.</source>
            <translation>The new index ({now} kWh) is lower than the previous reading ({last} kWh): consumption is negative ({used} kWh). Read again to be sure; if it is right, the meter may have been replaced, rolled over or tampered with.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>Unusually high consumption: {used} kWh in {days} days ({per_day} kWh a day), {ratio} times the average of the last three months ({average} kWh a day; the limit is {multiple} times). Read again and ask the customer about new appliances.</source>
            <translation>Unusually high consumption: {used} kWh in {days} days ({per_day} kWh a day), {ratio} times the average of the last three months ({average} kWh a day; the limit is {multiple} times). Read again and ask the customer about new appliances.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>{n} hours</source>
            <translation>{n} hours</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>{n} minutes</source>
            <translation>{n} minutes</translation>
        </message>
    </context>
    <context>
        <name>domain.codes</name>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>A citizen ID number has 12 digits (old ID cards: 9 digits).</source>
            <translation>A citizen ID number has 12 digits (old ID cards: 9 digits).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>A customer code has exactly 13 characters (this one has {n_c}), e.g. PA23VG0053140.</source>
            <translation>A customer code has exactly 13 characters (this one has {n_c}), e.g. PA23VG0053140.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>A phone number has 10 digits and starts with 0, e.g. 0912345678.</source>
            <translation>A phone number has 10 digits and starts with 0, e.g. 0912345678.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>The customer code is missing.</source>
            <translation>The customer code is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>The customer code is not in the right form: P, a 6-character unit, then 7 digits (PA23VG0053140).</source>
            <translation>The customer code is not in the right form: P, a 6-character unit, then 7 digits (PA23VG0053140).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>The phone number is missing.</source>
            <translation>The phone number is missing.</translation>
        </message>
    </context>
    <context>
        <name>domain.lifecycle</name>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>Every attachment received by the server</source>
            <translation>Every attachment received by the server</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>Photos of the meter and seals</source>
            <translation>Photos of the meter and seals</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>Readings, consumption since the previous one and the abnormal check</source>
            <translation>Readings, consumption since the previous one and the abnormal check</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>Sync again to see the order's latest state.</source>
            <translation>Sync again to see the order's latest state.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The PDF document made</source>
            <translation>The PDF document made</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The assignee {user} ({role}) cannot do this kind of work order. Choose a technician.</source>
            <translation>The assignee {user} ({role}) cannot do this kind of work order. Choose a technician.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The assignee {user} is not a technician or trainer of the team. Choose someone else.</source>
            <translation>The assignee {user} is not a technician or trainer of the team. Choose someone else.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The customer's signature</source>
            <translation>The customer's signature</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The meter's event log and load profile (DLMS)</source>
            <translation>The meter's event log and load profile (DLMS)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The onboarding steps: app, payment, contract</source>
            <translation>The onboarding steps: app, payment, contract</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The operation {operation} does not {action} a work order (it is {expected}). This is a software error, not yours; tell the support team.</source>
            <translation>The operation {operation} does not {action} a work order (it is {expected}). This is a software error, not yours; tell the support team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The order's history (returns, resubmissions)</source>
            <translation>The order's history (returns, resubmissions)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The raw optical capture, or the meter-face photo of a manual reading</source>
            <translation>The raw optical capture, or the meter-face photo of a manual reading</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The submitted record, with the form's labels</source>
            <translation>The submitted record, with the form's labels</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The work order is '{state}'; it cannot be given '{action}'. {advice}</source>
            <translation>The work order is '{state}'; it cannot be given '{action}'. {advice}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The work order is not delivered yet: {count} attachment(s) not received by the server. Wait until its author has synced, then approve again.</source>
            <translation>The work order is not delivered yet: {count} attachment(s) not received by the server. Wait until its author has synced, then approve again.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>When returning a work order, say what needs fixing.</source>
            <translation>When returning a work order, say what needs fixing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>finished onboarding</source>
            <translation>finished onboarding</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>inspection reading</source>
            <translation>inspection reading</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>meter install record</source>
            <translation>meter install record</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>meter reading</source>
            <translation>meter reading</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>new-supply install record</source>
            <translation>new-supply install record</translation>
        </message>
    </context>
    <context>
        <name>domain.onboarding</name>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Choose a payment method.</source>
            <translation>Choose a payment method.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Choose the e-wallet.</source>
            <translation>Choose the e-wallet.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Choose the household's bank.</source>
            <translation>Choose the household's bank.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Documents missing: {documents}.</source>
            <translation>Documents missing: {documents}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Read the contract summary with the household and tick that it was read.</source>
            <translation>Read the contract summary with the household and tick that it was read.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>The app account must be registered with the contract's phone number ({contract_phone}). If the household changed its number, change the customer's phone first.</source>
            <translation>The app account must be registered with the contract's phone number ({contract_phone}). If the household changed its number, change the customer's phone first.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>The number of households sharing the meter must be between 1 and 50.</source>
            <translation>The number of households sharing the meter must be between 1 and 50.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>The signer's name is missing.</source>
            <translation>The signer's name is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>The supply address (house number, hamlet) is missing.</source>
            <translation>The supply address (house number, hamlet) is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>There is no signature.</source>
            <translation>There is no signature.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>authorisation of the sharing households</source>
            <translation>authorisation of the sharing households</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>citizen ID</source>
            <translation>citizen ID</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>proof of the right to the address</source>
            <translation>proof of the right to the address</translation>
        </message>
    </context>
    <context>
        <name>domain.progress</name>
        <message>
            <location filename="../../fieldkit/domain/progress.py" />
            <source>Cancelled; nothing was changed.</source>
            <translation>Cancelled; nothing was changed.</translation>
        </message>
    </context>
    <context>
        <name>domain.problems</name>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>Something unexpected went wrong; saved work is not lost. Try again; if it happens again, tell the support team.</source>
            <translation>Something unexpected went wrong; saved work is not lost. Try again; if it happens again, tell the support team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>Sync cancelled; what was sent stays sent, the rest goes next time.</source>
            <translation>Sync cancelled; what was sent stays sent, the rest goes next time.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The secure connection to the server is not valid. Do not send data; tell the support team.</source>
            <translation>The secure connection to the server is not valid. Do not send data; tell the support team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server cannot be reached. Check the network (Wi-Fi, 3G/4G) and the server address in Settings; the work stays on this laptop and syncs by itself when the network is back.</source>
            <translation>The server cannot be reached. Check the network (Wi-Fi, 3G/4G) and the server address in Settings; the work stays on this laptop and syncs by itself when the network is back.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server did not answer in time (slow network). Try again later or move to a better signal; the work stays on this laptop.</source>
            <translation>The server did not answer in time (slow network). Try again later or move to a better signal; the work stays on this laptop.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server does not accept this laptop or this user. Enrol the laptop again with a new code (Sync page) or ask your supervisor to check the user.</source>
            <translation>The server does not accept this laptop or this user. Enrol the laptop again with a new code (Sync page) or ask your supervisor to check the user.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server is busy or down for a while. The laptop tries again by itself; nothing to do.</source>
            <translation>The server is busy or down for a while. The laptop tries again by itself; nothing to do.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server refused the request. Sync again later; if it is still refused, tell the support team.</source>
            <translation>The server refused the request. Sync again later; if it is still refused, tell the support team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server's address was not found. Check the server address in Settings and the network.</source>
            <translation>The server's address was not found. Check the server address in Settings and the network.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>This is not the server this laptop was enrolled with; nothing was sent. Check the server address in Settings or tell the support team.</source>
            <translation>This is not the server this laptop was enrolled with; nothing was sent. Check the server address in Settings or tell the support team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>This laptop is not enrolled with the server yet. On the Sync page enter the server address and the enrolment code.</source>
            <translation>This laptop is not enrolled with the server yet. On the Sync page enter the server address and the enrolment code.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>{message} ({detail})</source>
            <translation>{message} ({detail})</translation>
        </message>
    </context>
    <context>
        <name>domain.reasons</name>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>A customer with this code already exists in this team.</source>
            <translation>A customer with this code already exists in this team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>A {role} may not do {operation} (the server's rule).</source>
            <translation>A {role} may not do {operation} (the server's rule).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>An empty file is only valid with the empty file's hash.</source>
            <translation>An empty file is only valid with the empty file's hash.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Ask someone whose role allows it to do this.</source>
            <translation>Ask someone whose role allows it to do this.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Ask your supervisor to check this user on the server.</source>
            <translation>Ask your supervisor to check this user on the server.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Check the customer code.</source>
            <translation>Check the customer code.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Look up the customer who has this code instead of making a new one.</source>
            <translation>Look up the customer who has this code instead of making a new one.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Refused by the server: {detail}</source>
            <translation>Refused by the server: {detail}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Refused by the server: {text}</source>
            <translation>Refused by the server: {text}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Sync again to get the latest data; if it is still refused, tell your supervisor.</source>
            <translation>Sync again to get the latest data; if it is still refused, tell your supervisor.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The customer code is not of the team's unit {unit}.</source>
            <translation>The customer code is not of the team's unit {unit}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} contains broken Unicode.</source>
            <translation>The field {field} contains broken Unicode.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} contains control characters.</source>
            <translation>The field {field} contains control characters.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} has a value that is not allowed; allowed: {allowed}.</source>
            <translation>The field {field} has a value that is not allowed; allowed: {allowed}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} has too many items (at most {max}).</source>
            <translation>The field {field} has too many items (at most {max}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is missing.</source>
            <translation>The field {field} is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is nested too deeply (at most {max} levels).</source>
            <translation>The field {field} is nested too deeply (at most {max} levels).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is not a valid {format}.</source>
            <translation>The field {field} is not a valid {format}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is not allowed here.</source>
            <translation>The field {field} is not allowed here.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is out of range ({min} to {max}).</source>
            <translation>The field {field} is out of range ({min} to {max}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is too long (at most {max}).</source>
            <translation>The field {field} is too long (at most {max}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is too short (at least {min}).</source>
            <translation>The field {field} is too short (at least {min}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} must be a finite number.</source>
            <translation>The field {field} must be a finite number.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} must be {expected}.</source>
            <translation>The field {field} must be {expected}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The file's size differs from the upload in progress of the same file.</source>
            <translation>The file's size differs from the upload in progress of the same file.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The operation is not a JSON object.</source>
            <translation>The operation is not a JSON object.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The operation is not signed by {user}; that person needs to sync it.</source>
            <translation>The operation is not signed by {user}; that person needs to sync it.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The operation's author cannot be established ({user}).</source>
            <translation>The operation's author cannot be established ({user}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The operation's data is too large (at most {max} bytes).</source>
            <translation>The operation's data is too large (at most {max} bytes).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The payload's id differs from the operation's id.</source>
            <translation>The payload's id differs from the operation's id.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The server does not know the operation {entity}/{action}.</source>
            <translation>The server does not know the operation {entity}/{action}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The server does not know the user {user}.</source>
            <translation>The server does not know the user {user}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The server has no {what} {id} in this team.</source>
            <translation>The server has no {what} {id} in this team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The user {user} is not in this device's team.</source>
            <translation>The user {user} is not in this device's team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The user {user} was removed from the team; the offline work is kept on this laptop.</source>
            <translation>The user {user} was removed from the team; the offline work is kept on this laptop.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>This is a data error of the software, not yours; the work stays on this laptop. Tell the support team.</source>
            <translation>This is a data error of the software, not yours; the work stays on this laptop. Tell the support team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>This {field} cannot be used; make a new record.</source>
            <translation>This {field} cannot be used; make a new record.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>data</source>
            <translation>data</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>record</source>
            <translation>record</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>see the guide</source>
            <translation>see the guide</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>{user}'s signature does not match the operation, the device or the author.</source>
            <translation>{user}'s signature does not match the operation, the device or the author.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>{user}'s signing key is not registered for this device; add them again with a user code.</source>
            <translation>{user}'s signing key is not registered for this device; add them again with a user code.</translation>
        </message>
    </context>
    <context>
        <name>domain.reasons.words</name>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>a list</source>
            <translation>a list</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>a number</source>
            <translation>a number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>a whole number</source>
            <translation>a whole number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>address</source>
            <translation>address</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>an object</source>
            <translation>an object</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>append</source>
            <translation>append</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>approve</source>
            <translation>approve</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>approved</source>
            <translation>approved</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>assigned</source>
            <translation>assigned</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>assigned_to</source>
            <translation>assigned_to</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>attachment</source>
            <translation>attachment</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>capture</source>
            <translation>capture</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>code</source>
            <translation>code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>comment</source>
            <translation>comment</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>commune</source>
            <translation>commune</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>commune_code</source>
            <translation>commune_code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>conflict</source>
            <translation>conflict</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>create</source>
            <translation>create</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>customer</source>
            <translation>customer</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>customer code</source>
            <translation>customer code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>customer_id</source>
            <translation>customer_id</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>data</source>
            <translation>data</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>decimal number</source>
            <translation>decimal number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>done</source>
            <translation>done</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>due_date</source>
            <translation>due_date</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>entity_id</source>
            <translation>entity_id</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>events</source>
            <translation>events</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>field name</source>
            <translation>field name</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>id</source>
            <translation>id</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>in_progress</source>
            <translation>in_progress</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>install</source>
            <translation>install</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>kind</source>
            <translation>kind</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>load_profile</source>
            <translation>load_profile</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>manufacturer</source>
            <translation>manufacturer</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>media type</source>
            <translation>media type</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>meter</source>
            <translation>meter</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>meter_id</source>
            <translation>meter_id</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>method</source>
            <translation>method</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>mime</source>
            <translation>mime</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>model</source>
            <translation>model</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>name</source>
            <translation>name</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>null</source>
            <translation>null</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>number</source>
            <translation>number</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>onboarding_step</source>
            <translation>onboarding_step</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>op_id</source>
            <translation>op_id</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>payload</source>
            <translation>payload</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>phases</source>
            <translation>phases</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>phone</source>
            <translation>phone</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>photos</source>
            <translation>photos</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>reading</source>
            <translation>reading</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>reason</source>
            <translation>reason</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>reassign</source>
            <translation>reassign</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>recorded_at</source>
            <translation>recorded_at</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>register name</source>
            <translation>register name</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>registers</source>
            <translation>registers</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>resolve</source>
            <translation>resolve</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>return</source>
            <translation>return</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>returned</source>
            <translation>returned</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>serial</source>
            <translation>serial</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>sha</source>
            <translation>sha</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>sha256</source>
            <translation>sha256</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>signature</source>
            <translation>signature</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>size</source>
            <translation>size</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>start</source>
            <translation>start</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>state</source>
            <translation>state</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>status</source>
            <translation>status</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>step</source>
            <translation>step</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>submit</source>
            <translation>submit</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>supervisor</source>
            <translation>supervisor</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>taken_at</source>
            <translation>taken_at</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>technician</source>
            <translation>technician</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>text</source>
            <translation>text</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>trainer</source>
            <translation>trainer</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>true or false</source>
            <translation>true or false</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>unit</source>
            <translation>unit</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>update</source>
            <translation>update</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>value</source>
            <translation>value</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>values</source>
            <translation>values</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>work order</source>
            <translation>work order</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>work_order</source>
            <translation>work_order</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>work_order_id</source>
            <translation>work_order_id</translation>
        </message>
    </context>
    <context>
        <name>domain.validation</name>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>A work order needs a customer.</source>
            <translation>A work order needs a customer.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>Manual reading: say why the meter could not be read through the optical port.</source>
            <translation>Manual reading: say why the meter could not be read through the optical port.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>No register value was entered.</source>
            <translation>No register value was entered.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>Register {obis} is not valid: it must be a number, not negative.</source>
            <translation>Register {obis} is not valid: it must be a number, not negative.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>The customer's name is missing.</source>
            <translation>The customer's name is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>The name is too long (120 characters at most).</source>
            <translation>The name is too long (120 characters at most).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>The number of households sharing the meter must be between 1 and 50.</source>
            <translation>The number of households sharing the meter must be between 1 and 50.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>This commune/ward is not in the 2025 list of administrative units.</source>
            <translation>This commune/ward is not in the 2025 list of administrative units.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>This commune/ward is not in the chosen province.</source>
            <translation>This commune/ward is not in the chosen province.</translation>
        </message>
    </context>
    <context>
        <name>forms.engine</name>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>Required: {label}.</source>
            <translation>Required: {label}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>The form has a rule that could not be evaluated ({reason}); tell whoever maintains the form.</source>
            <translation>The form has a rule that could not be evaluated ({reason}); tell whoever maintains the form.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: a meter serial has 4–20 letters, digits or dashes.</source>
            <translation>{label}: a meter serial has 4–20 letters, digits or dashes.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: at most {maximum} photo(s).</source>
            <translation>{label}: at most {maximum} photo(s).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: enter a number (for example 12 or 12.5).</source>
            <translation>{label}: enter a number (for example 12 or 12.5).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: enter a whole number.</source>
            <translation>{label}: enter a whole number.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: latitude from -90 to 90, longitude from -180 to 180 (for example 20.5412, 106.0521).</source>
            <translation>{label}: latitude from -90 to 90, longitude from -180 to 180 (for example 20.5412, 106.0521).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: must be at least {minimum}.</source>
            <translation>{label}: must be at least {minimum}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: must be at most {maximum}.</source>
            <translation>{label}: must be at most {maximum}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: needs at least {minimum} photo(s).</source>
            <translation>{label}: needs at least {minimum} photo(s).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: not a valid date.</source>
            <translation>{label}: not a valid date.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: pick one of the listed options.</source>
            <translation>{label}: pick one of the listed options.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the photos were not saved.</source>
            <translation>{label}: the photos were not saved.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the position is not valid.</source>
            <translation>{label}: the position is not valid.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the reading is not valid.</source>
            <translation>{label}: the reading is not valid.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the signature was not saved.</source>
            <translation>{label}: the signature was not saved.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the value is not valid.</source>
            <translation>{label}: the value is not valid.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the {reg} reading is missing.</source>
            <translation>{label}: the {reg} reading is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the {reg} reading must be a number of 0 or more.</source>
            <translation>{label}: the {reg} reading must be a number of 0 or more.</translation>
        </message>
    </context>
    <context>
        <name>services.customer_view</name>
        <message>
            <location filename="../../fieldkit/services/customer_view.py" />
            <source>Customer not found.</source>
            <translation>Customer not found.</translation>
        </message>
    </context>
    <context>
        <name>services.customers</name>
        <message>
            <location filename="../../fieldkit/services/customers.py" />
            <source>Customer not found.</source>
            <translation>Customer not found.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/customers.py" />
            <source>This customer code is already on this device.</source>
            <translation>This customer code is already on this device.</translation>
        </message>
    </context>
    <context>
        <name>services.documents</name>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>Sign, or type the applicant's name.</source>
            <translation>Sign, or type the applicant's name.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>The applicant's name: at most {SIGNER_MAX} characters, no control characters.</source>
            <translation>The applicant's name: at most {SIGNER_MAX} characters, no control characters.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>The household sheet has not been made yet.</source>
            <translation>The household sheet has not been made yet.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>This household has no new-supply request.</source>
            <translation>This household has no new-supply request.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>This household has not signed the e-contract.</source>
            <translation>This household has not signed the e-contract.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>This record has no PDF document.</source>
            <translation>This record has no PDF document.</translation>
        </message>
    </context>
    <context>
        <name>services.field_facts</name>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>A manual reading needs a photo of the meter face.</source>
            <translation>A manual reading needs a photo of the meter face.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>Meter not found.</source>
            <translation>Meter not found.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>The reading to correct was not found.</source>
            <translation>The reading to correct was not found.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>The serial of the installed meter is missing.</source>
            <translation>The serial of the installed meter is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>Work order not found.</source>
            <translation>Work order not found.</translation>
        </message>
    </context>
    <context>
        <name>services.health</name>
        <message>
            <location filename="../../fieldkit/services/health.py" />
            <source>The database on this laptop is damaged. Work saved on the pages that are still good can be read. Sync now, then run `fieldkit doctor --user NAME --recover` to recover the data and re-create the profile from the server.</source>
            <translation>The database on this laptop is damaged. Work saved on the pages that are still good can be read. Sync now, then run `fieldkit doctor --user NAME --recover` to recover the data and re-create the profile from the server.</translation>
        </message>
    </context>
    <context>
        <name>services.install_check</name>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>Phase L{index} has only {volts} V: check the wiring.</source>
            <translation>Phase L{index} has only {volts} V: check the wiring.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The CT ratio set in the meter is {configured}, the form says {form}.</source>
            <translation>The CT ratio set in the meter is {configured}, the form says {form}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The VT ratio set in the meter is {configured}, the form says {form}.</source>
            <translation>The VT ratio set in the meter is {configured}, the form says {form}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The current on L{index} flows backwards: check the CT and the wiring.</source>
            <translation>The current on L{index} flows backwards: check the CT and the wiring.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The installed meter read through the probe has serial {probe}, the form says {typed}.</source>
            <translation>The installed meter read through the probe has serial {probe}, the form says {typed}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The meter measures three phases but the form says single phase.</source>
            <translation>The meter measures three phases but the form says single phase.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The meter reads serial {read}, the form says {serial}.</source>
            <translation>The meter reads serial {read}, the form says {serial}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The meter's clock is {amount} fast.</source>
            <translation>The meter's clock is {amount} fast.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The meter's clock is {amount} slow.</source>
            <translation>The meter's clock is {amount} slow.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The removed meter read through the probe has serial {probe}, the form says {typed}.</source>
            <translation>The removed meter read through the probe has serial {probe}, the form says {typed}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The work order names the installed meter {expected}, the form says {shown}.</source>
            <translation>The work order names the installed meter {expected}, the form says {shown}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The work order names the removed meter {expected}, the form says {shown}.</source>
            <translation>The work order names the removed meter {expected}, the form says {shown}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>{n} min</source>
            <translation>{n} min</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>{n} s</source>
            <translation>{n} s</translation>
        </message>
    </context>
    <context>
        <name>services.installs</name>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>The photo / signature file is missing; please add it again.</source>
            <translation>The photo / signature file is missing; please add it again.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>This work order has no install record yet.</source>
            <translation>This work order has no install record yet.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>This work order is not a meter install or replacement.</source>
            <translation>This work order is not a meter install or replacement.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>This work order was already submitted or approved; a record cannot be added now.</source>
            <translation>This work order was already submitted or approved; a record cannot be added now.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>Work order not found.</source>
            <translation>Work order not found.</translation>
        </message>
    </context>
    <context>
        <name>services.kept_documents</name>
        <message>
            <location filename="../../fieldkit/services/kept_documents.py" />
            <source>This copy is NOT encrypted: anyone who has the file can read the customer's name, code, phone, address and signature. Save it only somewhere safe (not a USB stick or a shared folder) and delete it when done.</source>
            <translation>This copy is NOT encrypted: anyone who has the file can read the customer's name, code, phone, address and signature. Save it only somewhere safe (not a USB stick or a shared folder) and delete it when done.</translation>
        </message>
    </context>
    <context>
        <name>services.manual_readings</name>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>Add a photo of the meter face (the index readable).</source>
            <translation>Add a photo of the meter face (the index readable).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>Say why the meter could not be read through the optical port.</source>
            <translation>Say why the meter could not be read through the optical port.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>Type the total index (KT) as the meter display shows it.</source>
            <translation>Type the total index (KT) as the meter display shows it.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>{finding} Write why you save it anyway (what you saw on site).</source>
            <translation>{finding} Write why you save it anyway (what you saw on site).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>{name}: “{raw}” is not a number (for example 12345.6).</source>
            <translation>{name}: “{raw}” is not a number (for example 12345.6).</translation>
        </message>
    </context>
    <context>
        <name>services.meter_clock</name>
        <message>
            <location filename="../../fieldkit/services/meter_clock.py" />
            <source>No write password for this meter model: the clock cannot be set.</source>
            <translation>No write password for this meter model: the clock cannot be set.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meter_clock.py" />
            <source>The clock setting was not confirmed (read back: {after}). Try again or tell your team leader.</source>
            <translation>The clock setting was not confirmed (read back: {after}). Try again or tell your team leader.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meter_clock.py" />
            <source>The meter's clock was set; read back: {after} (the laptop's time was not checked by the server yet).</source>
            <translation>The meter's clock was set; read back: {after} (the laptop's time was not checked by the server yet).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meter_clock.py" />
            <source>The meter's clock was set; read back: {after}.</source>
            <translation>The meter's clock was set; read back: {after}.</translation>
        </message>
    </context>
    <context>
        <name>services.meter_model_settings</name>
        <message>
            <location filename="../../fieldkit/services/meter_model_settings.py" />
            <source>Only a supervisor can change the meter model settings (they hold the meters' passwords).</source>
            <translation>Only a supervisor can change the meter model settings (they hold the meters' passwords).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meter_model_settings.py" />
            <source>This meter model settings file cannot be used: {exc}</source>
            <translation>This meter model settings file cannot be used: {exc}</translation>
        </message>
    </context>
    <context>
        <name>services.meters</name>
        <message>
            <location filename="../../fieldkit/services/meters.py" />
            <source>A meter has 1 or 3 phases.</source>
            <translation>A meter has 1 or 3 phases.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meters.py" />
            <source>The meter serial is missing.</source>
            <translation>The meter serial is missing.</translation>
        </message>
    </context>
    <context>
        <name>services.onboarding</name>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>Choose the commune/ward.</source>
            <translation>Choose the commune/ward.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>Customer not found.</source>
            <translation>Customer not found.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>Make the household sheet first.</source>
            <translation>Make the household sheet first.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>This commune/ward is not in the 2025 list of administrative units.</source>
            <translation>This commune/ward is not in the 2025 list of administrative units.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>This customer code is already on this device: find the customer by the code.</source>
            <translation>This customer code is already on this device: find the customer by the code.</translation>
        </message>
    </context>
    <context>
        <name>services.order_history</name>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Assigned to the technician</source>
            <translation>Assigned to the technician</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Install record made</source>
            <translation>Install record made</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Meter reading recorded</source>
            <translation>Meter reading recorded</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Onboarding step recorded</source>
            <translation>Onboarding step recorded</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Other change</source>
            <translation>Other change</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Reassigned to another technician</source>
            <translation>Reassigned to another technician</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Returned for correction</source>
            <translation>Returned for correction</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Submitted for review</source>
            <translation>Submitted for review</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Work order created</source>
            <translation>Work order created</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Work order imported on the server</source>
            <translation>Work order imported on the server</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Work started</source>
            <translation>Work started</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>{event} (refused by the server)</source>
            <translation>{event} (refused by the server)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>{event} (the server flagged a conflict)</source>
            <translation>{event} (the server flagged a conflict)</translation>
        </message>
    </context>
    <context>
        <name>services.printing</name>
        <message>
            <location filename="../../fieldkit/services/printing.py" />
            <source>Could not send the document to the printer: {exc}</source>
            <translation>Could not send the document to the printer: {exc}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/printing.py" />
            <source>No print service (CUPS) on this computer. Open the document and print it from the viewer.</source>
            <translation>No print service (CUPS) on this computer. Open the document and print it from the viewer.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/printing.py" />
            <source>The file to print is missing.</source>
            <translation>The file to print is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/printing.py" />
            <source>The printer refused the document: {reason}</source>
            <translation>The printer refused the document: {reason}</translation>
        </message>
    </context>
    <context>
        <name>services.quality_settings</name>
        <message>
            <location filename="../../fieldkit/services/quality_settings.py" />
            <source>Only a supervisor can change the reading checks' limits.</source>
            <translation>Only a supervisor can change the reading checks' limits.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/quality_settings.py" />
            <source>The utility's server sets this limit; it cannot be changed on this laptop.</source>
            <translation>The utility's server sets this limit; it cannot be changed on this laptop.</translation>
        </message>
    </context>
    <context>
        <name>services.readings</name>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Active energy export</source>
            <translation>Active energy export</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Active energy import, total (KT)</source>
            <translation>Active energy import, total (KT)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Another reason</source>
            <translation>Another reason</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Consumption is negative: no bill estimate.</source>
            <translation>Consumption is negative: no bill estimate.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Maximum demand</source>
            <translation>Maximum demand</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Maximum demand, normal hours</source>
            <translation>Maximum demand, normal hours</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Maximum demand, off-peak hours</source>
            <translation>Maximum demand, off-peak hours</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Maximum demand, peak hours</source>
            <translation>Maximum demand, peak hours</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Meter not found.</source>
            <translation>Meter not found.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>No bill estimate for this period (no prices are known for those days).</source>
            <translation>No bill estimate for this period (no prices are known for those days).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>No previous reading yet, so there is no bill estimate.</source>
            <translation>No previous reading yet, so there is no bill estimate.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>No probe with me, or the probe is broken</source>
            <translation>No probe with me, or the probe is broken</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Normal hours (BT)</source>
            <translation>Normal hours (BT)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Off-peak hours (TD)</source>
            <translation>Off-peak hours (TD)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Peak hours (CD)</source>
            <translation>Peak hours (CD)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Reactive energy export</source>
            <translation>Reactive energy export</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Reactive energy import (VC)</source>
            <translation>Reactive energy import (VC)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The meter has no optical port (mechanical)</source>
            <translation>The meter has no optical port (mechanical)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The meter logged {count} tamper events: {names}. Check the seals.</source>
            <translation>The meter logged {count} tamper events: {names}. Check the seals.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The meter sent no energy register. Read again or type the reading.</source>
            <translation>The meter sent no energy register. Read again or type the reading.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The optical port is covered, dirty or damaged</source>
            <translation>The optical port is covered, dirty or damaged</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The probe could not read the meter</source>
            <translation>The probe could not read the meter</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The raw capture of the reading is missing.</source>
            <translation>The raw capture of the reading is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>This work order names no meter. Choose the meter from the meter list.</source>
            <translation>This work order names no meter. Choose the meter from the meter list.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Type a number above 1 (for example 3).</source>
            <translation>Type a number above 1 (for example 3).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Type a number of minutes from 0 to 1440.</source>
            <translation>Type a number of minutes from 0 to 1440.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Work order not found.</source>
            <translation>Work order not found.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>{event} on {day} at {hour}; consumption fell by {pct} % from that day.</source>
            <translation>{event} on {day} at {hour}; consumption fell by {pct} % from that day.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>{event} on {day} at {hour}; consumption rose by {pct} % from that day.</source>
            <translation>{event} on {day} at {hour}; consumption rose by {pct} % from that day.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>{finding} Write why you save it anyway (what you saw on site).</source>
            <translation>{finding} Write why you save it anyway (what you saw on site).</translation>
        </message>
    </context>
    <context>
        <name>services.reports</name>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>(no commune)</source>
            <translation>(no commune)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Abnormal readings</source>
            <translation>Abnormal readings</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>App user share (%)</source>
            <translation>App user share (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>App users</source>
            <translation>App users</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Automatic debit</source>
            <translation>Automatic debit</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Automatic debit (%)</source>
            <translation>Automatic debit (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Bank-transfer QR</source>
            <translation>Bank-transfer QR</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Bank-transfer QR (%)</source>
            <translation>Bank-transfer QR (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Cashless payers</source>
            <translation>Cashless payers</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Cashless share (%)</source>
            <translation>Cashless share (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Commune</source>
            <translation>Commune</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>E-contract share (%)</source>
            <translation>E-contract share (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>E-contracts</source>
            <translation>E-contracts</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>E-wallet</source>
            <translation>E-wallet</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>E-wallet (%)</source>
            <translation>E-wallet (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Installs done</source>
            <translation>Installs done</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Mobile banking</source>
            <translation>Mobile banking</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Mobile banking (%)</source>
            <translation>Mobile banking (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Open overdue work orders</source>
            <translation>Open overdue work orders</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Readings</source>
            <translation>Readings</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Work orders done late</source>
            <translation>Work orders done late</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Work orders done on time</source>
            <translation>Work orders done on time</translation>
        </message>
    </context>
    <context>
        <name>services.review</name>
        <message>
            <location filename="../../fieldkit/services/review.py" />
            <source>Work order not found.</source>
            <translation>Work order not found.</translation>
        </message>
    </context>
    <context>
        <name>services.review_conflicts</name>
        <message>
            <location filename="../../fieldkit/services/review_conflicts.py" />
            <source>This conflict is not on this laptop.</source>
            <translation>This conflict is not on this laptop.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_conflicts.py" />
            <source>This conflict is resolved already.</source>
            <translation>This conflict is resolved already.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_conflicts.py" />
            <source>Work order not found.</source>
            <translation>Work order not found.</translation>
        </message>
    </context>
    <context>
        <name>services.review_evidence</name>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>DLMS: not re-parsable ({code})</source>
            <translation>DLMS: not re-parsable ({code})</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>DLMS reading · serial {serial} · meter clock {clock}</source>
            <translation>DLMS reading · serial {serial} · meter clock {clock}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>event log: {events} events, {tamper} tamper (!)</source>
            <translation>event log: {events} events, {tamper} tamper (!)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>load profile: {intervals} intervals of {minutes} min, {first} .. {last}, {total} {unit} in total</source>
            <translation>load profile: {intervals} intervals of {minutes} min, {first} .. {last}, {total} {unit} in total</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>This attachment is not on this laptop (not downloaded yet, or damaged).</source>
            <translation>This attachment is not on this laptop (not downloaded yet, or damaged).</translation>
        </message>
    </context>
    <context>
        <name>services.review_records</name>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>A pole is needed</source>
            <translation>A pole is needed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Amount in the QR code</source>
            <translation>Amount in the QR code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Applicant's signature</source>
            <translation>Applicant's signature</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Authorisation of the households sharing the meter</source>
            <translation>Authorisation of the households sharing the meter</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Automatic debit</source>
            <translation>Automatic debit</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Bank / wallet</source>
            <translation>Bank / wallet</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Bank code (BIN)</source>
            <translation>Bank code (BIN)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Bank-transfer QR</source>
            <translation>Bank-transfer QR</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Bill shown</source>
            <translation>Bill shown</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Billing period</source>
            <translation>Billing period</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Cash</source>
            <translation>Cash</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Confirmed</source>
            <translation>Confirmed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Current bill</source>
            <translation>Current bill</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Customer code</source>
            <translation>Customer code</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Customer created on this laptop</source>
            <translation>Customer created on this laptop</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Customer's signature</source>
            <translation>Customer's signature</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Customer-care app installed</source>
            <translation>Customer-care app installed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Documents handed in</source>
            <translation>Documents handed in</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>E-wallet</source>
            <translation>E-wallet</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Electronic purchase contract</source>
            <translation>Electronic purchase contract</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Energy (kWh)</source>
            <translation>Energy (kWh)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Estimated bill</source>
            <translation>Estimated bill</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>GPS receiver</source>
            <translation>GPS receiver</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Household</source>
            <translation>Household</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Household sheet</source>
            <translation>Household sheet</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Households sharing the meter</source>
            <translation>Households sharing the meter</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>How it was read</source>
            <translation>How it was read</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>How the bill is paid</source>
            <translation>How the bill is paid</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Installed meter serial</source>
            <translation>Installed meter serial</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Meter install / removal record</source>
            <translation>Meter install / removal record</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Meter reading</source>
            <translation>Meter reading</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Mobile banking</source>
            <translation>Mobile banking</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>New supply request</source>
            <translation>New supply request</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Not yet supplied (new supply)</source>
            <translation>Not yet supplied (new supply)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>OTP confirmation</source>
            <translation>OTP confirmation</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Other details</source>
            <translation>Other details</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Payment method</source>
            <translation>Payment method</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Period of the utility's bill</source>
            <translation>Period of the utility's bill</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Phone registered</source>
            <translation>Phone registered</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Photo</source>
            <translation>Photo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Photo of the meter</source>
            <translation>Photo of the meter</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Printed and handed over</source>
            <translation>Printed and handed over</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Proof of the right to use the address</source>
            <translation>Proof of the right to use the address</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Read through the optical probe</source>
            <translation>Read through the optical probe</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Registered</source>
            <translation>Registered</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Registered in the app</source>
            <translation>Registered in the app</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Registers</source>
            <translation>Registers</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Removed meter serial</source>
            <translation>Removed meter serial</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Request signed by</source>
            <translation>Request signed by</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Requester's citizen ID</source>
            <translation>Requester's citizen ID</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Showed how to install the app</source>
            <translation>Showed how to install the app</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Signature</source>
            <translation>Signature</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Signed</source>
            <translation>Signed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Signed by</source>
            <translation>Signed by</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Signed by hand on screen</source>
            <translation>Signed by hand on screen</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Supply address</source>
            <translation>Supply address</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Time limit (working days)</source>
            <translation>Time limit (working days)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Typed by hand</source>
            <translation>Typed by hand</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Vietnamese</source>
            <translation>Vietnamese</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Why it was typed</source>
            <translation>Why it was typed</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
    </context>
    <context>
        <name>services.session</name>
        <message>
            <location filename="../../fieldkit/services/session.py" />
            <source>That user name is already taken.</source>
            <translation>That user name is already taken.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/session.py" />
            <source>The user name is missing.</source>
            <translation>The user name is missing.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/session.py" />
            <source>There is no user '{username}'.</source>
            <translation>There is no user '{username}'.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/session.py" />
            <source>Your role is not allowed to do this.</source>
            <translation>Your role is not allowed to do this.</translation>
        </message>
    </context>
    <context>
        <name>services.supply_request</name>
        <message>
            <location filename="../../fieldkit/services/supply_request.py" />
            <source>The applicant's name: at most {SIGNER_MAX} characters, no control characters.</source>
            <translation>The applicant's name: at most {SIGNER_MAX} characters, no control characters.</translation>
        </message>
    </context>
    <context>
        <name>services.ui_queries</name>
        <message>
            <location filename="../../fieldkit/services/ui_queries.py" />
            <source>Choose a role.</source>
            <translation>Choose a role.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/ui_queries.py" />
            <source>Enter the full name (at least 2 characters).</source>
            <translation>Enter the full name (at least 2 characters).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/ui_queries.py" />
            <source>The two PINs do not match.</source>
            <translation>The two PINs do not match.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/ui_queries.py" />
            <source>This profile already has users; sign in instead.</source>
            <translation>This profile already has users; sign in instead.</translation>
        </message>
    </context>
    <context>
        <name>services.unlock</name>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>Run `fieldkit doctor --user NAME` to check it and recover what can be read, push it, then re-create the profile from the server.</source>
            <translation>Run `fieldkit doctor --user NAME` to check it and recover what can be read, push it, then re-create the profile from the server.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The database file {value} is missing. Restore it from a backup or re-create the profile from the server.</source>
            <translation>The database file {value} is missing. Restore it from a backup or re-create the profile from the server.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The database {value} is damaged. {way_out}</source>
            <translation>The database {value} is damaged. {way_out}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The keyring {value} has no users: restore it from a backup or re-create the profile from the server.</source>
            <translation>The keyring {value} has no users: restore it from a backup or re-create the profile from the server.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The keyring {value} is damaged ({name}: {detail}). Restore it from a backup or re-create the profile from the server.</source>
            <translation>The keyring {value} is damaged ({name}: {detail}). Restore it from a backup or re-create the profile from the server.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The profile folder {folder} does not exist. Check the path.</source>
            <translation>The profile folder {folder} does not exist. Check the path.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>There is no profile in {folder} (no {KEYRING_FILE}). Check the path, or create one by starting FieldKit.</source>
            <translation>There is no profile in {folder} (no {KEYRING_FILE}). Check the path, or create one by starting FieldKit.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>There is no user '{username}' in this profile (users: {names}).</source>
            <translation>There is no user '{username}' in this profile (users: {names}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>{folder} is not a folder; give the profile folder.</source>
            <translation>{folder} is not a folder; give the profile folder.</translation>
        </message>
    </context>
    <context>
        <name>services.work_orders</name>
        <message>
            <location filename="../../fieldkit/services/work_orders.py" />
            <source>Work order not found.</source>
            <translation>Work order not found.</translation>
        </message>
    </context>
    <context>
        <name>store.database</name>
        <message>
            <location filename="../../fieldkit/store/database.py" />
            <source>The database cannot be opened: wrong key or a damaged file.</source>
            <translation>The database cannot be opened: wrong key or a damaged file.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/database.py" />
            <source>This database comes from a newer FieldKit (schema {current} &gt; {latest}); update FieldKit.</source>
            <translation>This database comes from a newer FieldKit (schema {current} &gt; {latest}); update FieldKit.</translation>
        </message>
    </context>
    <context>
        <name>store.disk</name>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>A file could not be read or written. Try again; if it happens again, restart the computer and tell the support team.</source>
            <translation>A file could not be read or written. Try again; if it happens again, restart the computer and tell the support team.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>A file or folder is missing. Check the path.</source>
            <translation>A file or folder is missing. Check the path.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>No permission to read or write the profile folder. Sign in to the computer as the account that uses FieldKit, or ask the administrator to grant access.</source>
            <translation>No permission to read or write the profile folder. Sign in to the computer as the account that uses FieldKit, or ask the administrator to grant access.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The data file is damaged. Run `fieldkit doctor` to check it, push what can still be read, then re-create the profile from the server.</source>
            <translation>The data file is damaged. Run `fieldkit doctor` to check it, push what can still be read, then re-create the profile from the server.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The disk is almost full: only {mb} MB free, less than a day's photos need. Delete files you do not need or sync soon.</source>
            <translation>The disk is almost full: only {mb} MB free, less than a day's photos need. Delete files you do not need or sync soon.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The disk is full. Delete files you do not need (photos, videos, downloads) or sync, then try again; nothing already saved is lost.</source>
            <translation>The disk is full. Delete files you do not need (photos, videos, downloads) or sync, then try again; nothing already saved is lost.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The disk or the profile folder is read-only: nothing can be written. Copy the profile to a writable disk or turn off the device's write protection.</source>
            <translation>The disk or the profile folder is read-only: nothing can be written. Copy the profile to a writable disk or turn off the device's write protection.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The disk reported a read/write error (it may be failing). Do not switch off; sync now and tell the support team.</source>
            <translation>The disk reported a read/write error (it may be failing). Do not switch off; sync now and tell the support team.</translation>
        </message>
    </context>
    <context>
        <name>store.keyring</name>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>The account is now locked: ask a supervisor or the centre to unlock it.</source>
            <translation>The account is now locked: ask a supervisor or the centre to unlock it.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>The last user cannot be removed: nobody could open the data any more.</source>
            <translation>The last user cannot be removed: nobody could open the data any more.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>The operating system's credential store does not answer ({detail}); this profile needs it. Sign in to the computer again and retry.</source>
            <translation>The operating system's credential store does not answer ({detail}); this profile needs it. Sign in to the computer again and retry.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>The wrong-PIN counter was changed outside FieldKit</source>
            <translation>The wrong-PIN counter was changed outside FieldKit</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>This profile's device secret is not in {where}: the profile was copied from another computer or the store was reset. A PIN alone cannot open it; the centre can, with the recovery key (`fieldkit recover`).</source>
            <translation>This profile's device secret is not in {where}: the profile was copied from another computer or the store was reset. A PIN alone cannot open it; the centre can, with the recovery key (`fieldkit recover`).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>Too many wrong PINs</source>
            <translation>Too many wrong PINs</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>Try again.</source>
            <translation>Try again.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>Wait {wait} before the next try.</source>
            <translation>Wait {wait} before the next try.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>Wrong PIN or password.</source>
            <translation>Wrong PIN or password.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>the operating system's credential store</source>
            <translation>the operating system's credential store</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>this computer's device-secret folder</source>
            <translation>this computer's device-secret folder</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>{failures} wrong PINs in a row. Wait {wait} more before the next try.</source>
            <translation>{failures} wrong PINs in a row. Wait {wait} more before the next try.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>{left} tries left before the account is locked.</source>
            <translation>{left} tries left before the account is locked.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>{value} was changed outside FieldKit and is not trusted. Put the original back, or ask the centre to open the profile with the recovery key (`fieldkit recover`).</source>
            <translation>{value} was changed outside FieldKit and is not trusted. Put the original back, or ask the centre to open the profile with the recovery key (`fieldkit recover`).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>{why}: the account is locked. Ask a supervisor to unlock it (`fieldkit user unlock`) or the centre to use the recovery key (`fieldkit recover`).</source>
            <translation>{why}: the account is locked. Ask a supervisor to unlock it (`fieldkit user unlock`) or the centre to use the recovery key (`fieldkit recover`).</translation>
        </message>
    </context>
    <context>
        <name>store.pin_policy</name>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>That PIN is too easy to guess (a run, a repeat or one of the commonest). Choose another.</source>
            <translation>That PIN is too easy to guess (a run, a repeat or one of the commonest). Choose another.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>That PIN is too easy to guess.</source>
            <translation>That PIN is too easy to guess.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>The PIN or password needs at least {MIN_LENGTH} characters.</source>
            <translation>The PIN or password needs at least {MIN_LENGTH} characters.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>{m} min</source>
            <translation>{m} min</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
    </context>
    <context>
        <name>ui.onboarding.app_payment</name>
        <message>
            <location filename="../../fieldkit/ui/onboarding/app_payment.py" />
            <source>Choose «Registered» or «Not yet».</source>
            <translation>Choose «Registered» or «Not yet».</translation>
        </message>
        <message>
            <location filename="../../fieldkit/ui/onboarding/app_payment.py" />
            <source>The bill is still being worked out; wait a moment.</source>
            <translation>The bill is still being worked out; wait a moment.</translation>
        </message>
    </context>
    <context>
        <name>ui.onboarding.contract_sheet</name>
        <message>
            <location filename="../../fieldkit/ui/onboarding/contract_sheet.py" />
            <source>Press «Make the household sheet» before finishing.</source>
            <translation>Press «Make the household sheet» before finishing.</translation>
        </message>
    </context>
    <context>
        <name>ui.onboarding.household</name>
        <message>
            <location filename="../../fieldkit/ui/onboarding/household.py" />
            <source>Pick a household in the list, or press «New household».</source>
            <translation>Pick a household in the list, or press «New household».</translation>
        </message>
    </context>
</TS>
